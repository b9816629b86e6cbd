package org.posturecoach.domain;

/** A catalogue exercise left out of the plan, with the reason code and the rule behind it. */
public final class Exclusion {
    private final String exerciseId;
    private final String reason;
    private final String detail;
    private final Explanation explanation;

    public Exclusion(String exerciseId, String reason, String detail, Explanation explanation) {
        this.exerciseId = exerciseId;
        this.reason = reason;
        this.detail = detail;
        this.explanation = explanation;
    }

    /** Human-readable specifics, e.g. the missing equipment. */
    public String getDetail() { return detail; }

    public String getExerciseId() { return exerciseId; }
    public String getReason() { return reason; }
    public Explanation getExplanation() { return explanation; }
}
