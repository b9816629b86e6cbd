package org.posturecoach.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** One validated answer, inserted as a fact. Typed views keep the DRL free of casts. */
public final class Answer {
    private final String questionId;
    private final Object value;
    private final boolean redFlagQuestion;
    private final String sign;
    private final Set<String> values;

    public Answer(String questionId, Object value, boolean redFlagQuestion) {
        this(questionId, value, redFlagQuestion, questionId);
    }

    /** {@code sign}: what a red-flag question asks about, in plain words (the questionnaire's {@code sign}). */
    public Answer(String questionId, Object value, boolean redFlagQuestion, String sign) {
        this.questionId = questionId;
        this.value = value;
        this.redFlagQuestion = redFlagQuestion;
        this.sign = sign == null ? questionId : sign;
        this.values = valuesOf(value);
    }

    /** The sign a red-flag question asks about, in plain words; the question id for other questions. */
    public String getSign() { return sign; }

    /** Whether the questionnaire marks this question as a red flag. */
    public boolean isRedFlagQuestion() { return redFlagQuestion; }

    public String getQuestionId() { return questionId; }
    public Object getValue() { return value; }

    public boolean isFlag() { return Boolean.TRUE.equals(value); }

    public int getNumber() { return value instanceof Number n ? n.intValue() : -1; }

    public String getChoice() { return value instanceof String s ? s : null; }

    /** The answer as a set of codes (a multi-choice list, or a single text answer); computed once. */
    public Set<String> getValues() {
        return values;
    }

    private static Set<String> valuesOf(Object value) {
        Set<String> out = new TreeSet<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            out.add(s);
        }
        return Collections.unmodifiableSet(out);
    }

    @Override
    public String toString() { return questionId + "=" + value; }
}
