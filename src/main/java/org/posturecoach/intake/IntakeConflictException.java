package org.posturecoach.intake;

import java.util.List;

import org.posturecoach.engine.FieldError;
import org.posturecoach.rest.exception.Problem;
import org.posturecoach.rest.exception.ProblemException;

/**
 * A 409 for a conversation in the wrong state: closed to answers (referred, assessed, expired) or not ready for an
 * assessment. Its own type so that marking an idle conversation expired is committed although the request fails.
 */
public class IntakeConflictException extends ProblemException {

    private IntakeConflictException(String title, String detail) {
        super(409, title, detail);
    }

    public static IntakeConflictException closed(String detail) {
        return new IntakeConflictException("Intake closed", detail);
    }

    private IntakeConflictException(Problem problem) {
        super(problem);
    }

    /** Not ready: the detail and {@code errors} (at {@code /answers/<id>}) name each required question unanswered. */
    public static IntakeConflictException notReady(List<String> required) {
        String detail = "The conversation is not complete: required questions remain unanswered: "
                + String.join(", ", required);
        List<FieldError> errors = required.stream()
                .map(id -> new FieldError(FieldError.pointer("answers", id), "is required and not answered yet"))
                .toList();
        return new IntakeConflictException(new Problem(Problem.typeFor(409), "Intake not complete", 409, detail,
                errors));
    }
}
