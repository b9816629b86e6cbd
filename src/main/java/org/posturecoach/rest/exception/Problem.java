package org.posturecoach.rest.exception;

import java.util.List;

import org.posturecoach.engine.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem body; {@code errors} lists one pointer per validation problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(typeFor(400), "Invalid request", 400, detail, List.copyOf(errors));
    }

    /** A body that is not one well-formed JSON value; {@code errors} names a duplicated key. */
    public static Problem malformed(String detail, List<FieldError> errors) {
        return new Problem(typeFor(400), "Malformed JSON", 400, detail, errors == null ? null : List.copyOf(errors));
    }

    /** A stable, documented type per status: clients switch on it. */
    public static String typeFor(int status) {
        return switch (status) {
            case 400 -> "https://posture-coach.example/problems/invalid-request";
            case 404 -> "https://posture-coach.example/problems/not-found";
            case 405 -> "https://posture-coach.example/problems/method-not-allowed";
            case 406 -> "https://posture-coach.example/problems/not-acceptable";
            case 409 -> "https://posture-coach.example/problems/conflict";
            case 413 -> "https://posture-coach.example/problems/payload-too-large";
            case 415 -> "https://posture-coach.example/problems/unsupported-media-type";
            case 422 -> "https://posture-coach.example/problems/unprocessable";
            default -> status >= 500 ? "https://posture-coach.example/problems/internal" : "about:blank";
        };
    }
}
