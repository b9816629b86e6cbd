package org.posturecoach.domain;

/** How many distinct main exercises this week's plan is built from (3 to 5). */
public final class ExerciseCount {
    private final int target;
    private final int max;
    private final Explanation explanation;

    public ExerciseCount(int target, int max, Explanation explanation) {
        this.target = target;
        this.max = max;
        this.explanation = explanation;
    }

    public int getTarget() { return target; }
    public int getMax() { return max; }
    public Explanation getExplanation() { return explanation; }
}
