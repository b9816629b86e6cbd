package org.posturecoach.domain;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

public record Questionnaire(String id, String title, String version, List<Question> items) {
    public Questionnaire {
        items = List.copyOf(items);
    }

    public Questionnaire withVersion(String v) {
        return new Questionnaire(id, title, v, items);
    }

    @JsonIgnore
    public Optional<Question> item(String questionId) {
        return items.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
