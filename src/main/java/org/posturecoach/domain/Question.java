package org.posturecoach.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String id, String text, String type, boolean required, List<QuestionOption> options,
        Integer min, Integer max, List<EnableWhen> enableWhen, String enableBehavior, Boolean redFlag, String why) {

    public boolean isRedFlag() {
        return Boolean.TRUE.equals(redFlag);
    }
}
