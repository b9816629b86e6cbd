package org.posturecoach.domain;

import java.util.List;

/** How many mid-back sessions this week, on which days, and the weekly working-set cap. */
public final class WeekPlan {
    private final int sessionsPerWeek;
    private final List<Integer> days;
    private final Explanation explanation;

    public WeekPlan(int sessionsPerWeek, List<Integer> days, Explanation explanation) {
        this.sessionsPerWeek = sessionsPerWeek;
        this.days = List.copyOf(days);
        this.explanation = explanation;
    }

    public int getSessionsPerWeek() { return sessionsPerWeek; }
    public List<Integer> getDays() { return days; }
    public Explanation getExplanation() { return explanation; }
}
