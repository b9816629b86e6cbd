package org.posturecoach.domain;

/** A clinical observation derived from the answers; decision rules consume findings, never raw thresholds. */
public final class Finding {
    private final String code;
    private final String title;
    private final Explanation explanation;

    public Finding(String code, String title, Explanation explanation) {
        this.code = code;
        this.title = title;
        this.explanation = explanation;
    }

    public String getCode() { return code; }
    public String getTitle() { return title; }
    public Explanation getExplanation() { return explanation; }
}
