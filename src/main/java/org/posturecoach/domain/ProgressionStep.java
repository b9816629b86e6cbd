package org.posturecoach.domain;

public final class ProgressionStep {
    private final String weeks;
    private final String focus;
    private final String changes;
    private final Explanation explanation;

    public ProgressionStep(String weeks, String focus, String changes, Explanation explanation) {
        this.weeks = weeks;
        this.focus = focus;
        this.changes = changes;
        this.explanation = explanation;
    }

    public String getWeeks() { return weeks; }
    public String getFocus() { return focus; }
    public String getChanges() { return changes; }
    public Explanation getExplanation() { return explanation; }
}
