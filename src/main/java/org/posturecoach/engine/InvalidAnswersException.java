package org.posturecoach.engine;

import java.util.List;

/** Answers that do not fit the questionnaire; every problem is named with its pointer. */
public class InvalidAnswersException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidAnswersException(List<FieldError> errors) {
        super(errors.size() + " invalid answer(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
