package org.posturecoach.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String id, String text, String type, boolean required, List<QuestionOption> options,
        Integer min, Integer max, List<EnableWhen> enableWhen, String enableBehavior, Boolean redFlag, String why,
        String sign) {

    public boolean isRedFlag() {
        return Boolean.TRUE.equals(redFlag);
    }

    /** The sign a red flag stands for, in plain words for the referral message; the id when none is given. */
    public String signOrId() {
        return sign == null || sign.isBlank() ? id : sign;
    }
}
