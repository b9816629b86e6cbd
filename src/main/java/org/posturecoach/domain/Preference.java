package org.posturecoach.domain;

import java.util.List;

/** Points a scoring rule gives one candidate, with the findings or answers behind them. */
public final class Preference {
    private final String exerciseId;
    private final int points;
    private final List<String> because;
    private final String rule;

    public Preference(String exerciseId, int points, List<String> because, String rule) {
        this.exerciseId = exerciseId;
        this.points = points;
        this.because = List.copyOf(because);
        this.rule = rule;
    }

    public String getExerciseId() { return exerciseId; }
    public int getPoints() { return points; }
    public List<String> getBecause() { return because; }
    public String getRule() { return rule; }
}
