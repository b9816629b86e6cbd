package org.posturecoach.domain;

/** A main-block exercise chosen for this week, in the order it was chosen. */
public final class Selected {
    private final Candidate candidate;
    private final int order;
    private final Explanation explanation;

    public Selected(Candidate candidate, int order, Explanation explanation) {
        this.candidate = candidate;
        this.order = order;
        this.explanation = explanation;
    }

    public Candidate getCandidate() { return candidate; }
    public Exercise getExercise() { return candidate.getExercise(); }
    public String getExerciseId() { return candidate.getExerciseId(); }
    public int getOrder() { return order; }
    public boolean isRow() { return candidate.isRow(); }
    public boolean isPosture() { return candidate.isPosture(); }
    public boolean isIsolation() { return candidate.isIsolation(); }
    public boolean hasTag(String tag) { return candidate.hasTag(tag); }
    public Explanation getExplanation() { return explanation; }
}
