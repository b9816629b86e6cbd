package org.posturecoach.domain;

/** How many mid-back sessions this week, before they are placed on days. */
public final class SessionCount {
    private final int sessions;
    private final Explanation explanation;

    public SessionCount(int sessions, Explanation explanation) {
        this.sessions = sessions;
        this.explanation = explanation;
    }

    public int getSessions() { return sessions; }
    public Explanation getExplanation() { return explanation; }
}
