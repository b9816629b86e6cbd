package org.posturecoach.rest.exception;

import java.util.List;

import org.posturecoach.engine.FieldError;

/** Thrown by resources for any 4xx they decide on; the mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.problem = Problem.of(status, title, detail);
    }

    protected ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** A problem built in full, e.g. a 409 that also lists {@code errors}. */
    public static ProblemException of(Problem problem) {
        return new ProblemException(problem);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid(errors.size() + " field(s) are invalid", errors));
    }

    public Problem problem() {
        return problem;
    }
}
