package org.posturecoach.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

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
     * Each named query parameter given more than once ({@code ?size=2&size=3}) is a problem at
     * {@code /query/<name>}: the request is ambiguous, and the first value must not win silently.
     */
    static List<FieldError> givenOnce(UriInfo uri, String... names) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            List<String> values = uri.getQueryParameters().get(name);
            if (values != null && values.size() > 1) {
                errors.add(new FieldError("/query/" + name, "must be given once (it was given " + values.size()
                        + " times)"));
            }
        }
        return errors;
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
