package org.posturecoach.domain;

/** The most working mid-back sets a week. */
public final class SetCap {
    private final int sets;
    private final Explanation explanation;

    public SetCap(int sets, Explanation explanation) {
        this.sets = sets;
        this.explanation = explanation;
    }

    public int getSets() { return sets; }
    public Explanation getExplanation() { return explanation; }
}
