package org.posturecoach.rest;

import java.io.IOException;
import java.util.List;

import org.posturecoach.engine.FieldError;
import org.posturecoach.rest.exception.ProblemException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

final class Requests {
    private Requests() {
    }

    /** An empty body is a 400 that says so, not a NullPointerException. */
    static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new FieldError("", "a JSON request body is required")));
        }
        return body;
    }

    /**
     * A request body read as a tree for a lenient reader: only a body that is not a JSON object fails (a 400 "must
     * be a JSON object"); syntax errors and duplicate keys fail in the parser as before.
     */
    static JsonNode object(JsonParser p, Class<?> type) throws IOException {
        JsonNode tree = p.readValueAsTree();
        if (tree == null || !tree.isObject()) {
            throw MismatchedInputException.from(p, type, "must be a JSON object");
        }
        return tree;
    }
}
