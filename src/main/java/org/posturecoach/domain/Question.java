package org.posturecoach.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A questionnaire item; the properties after {@code required} are left out when the question has none. */
public record Question(String id, String text, String type, boolean required,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<QuestionOption> options,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer min,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer max,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EnableWhen> enableWhen,
        @JsonInclude(JsonInclude.Include.NON_NULL) String enableBehavior,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean redFlag,
        @JsonInclude(JsonInclude.Include.NON_NULL) String why,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sign) {

    /** The contract's question types. */
    public static final List<String> TYPES = List.of("boolean", "integer", "choice", "multi-choice", "string");

    public boolean isRedFlag() {
        return Boolean.TRUE.equals(redFlag);
    }

    /** The sign a red flag stands for, in plain words for the referral message; the id when none is given. */
    public String signOrId() {
        return sign == null || sign.isBlank() ? id : sign;
    }
}
