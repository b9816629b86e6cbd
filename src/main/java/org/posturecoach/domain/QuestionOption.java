package org.posturecoach.domain;

public record QuestionOption(String code, String display) {
}
