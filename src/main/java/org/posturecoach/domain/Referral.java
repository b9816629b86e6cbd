package org.posturecoach.domain;

/** A red flag answered yes: the client is referred and no plan is built. */
public final class Referral {
    private final String questionId;

    public Referral(String questionId) {
        this.questionId = questionId;
    }

    public String getQuestionId() { return questionId; }
}
