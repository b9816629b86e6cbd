package org.posturecoach.domain;

/**
 * An exercise chosen for a fixed part of the routine: {@code warmup}, {@code cooldown} or {@code daily}.
 * {@code rank} orders items inside the part (lower first).
 */
public final class RoutineChoice {
    private final String part;
    private final Exercise exercise;
    private final int rank;
    private final Explanation explanation;

    public RoutineChoice(String part, Exercise exercise, int rank, Explanation explanation) {
        this.part = part;
        this.exercise = exercise;
        this.rank = rank;
        this.explanation = explanation;
    }

    public String getPart() { return part; }
    public Exercise getExercise() { return exercise; }
    public String getExerciseId() { return exercise.getId(); }
    public int getRank() { return rank; }
    public Explanation getExplanation() { return explanation; }
}
