package org.posturecoach.rest;

import java.util.List;

import org.posturecoach.engine.FieldError;
import org.posturecoach.rest.exception.ProblemException;

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
}
