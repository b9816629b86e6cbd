package org.posturecoach.intake;

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

    public static IntakeConflictException notReady(String detail) {
        return new IntakeConflictException("Intake not complete", detail);
    }
}
