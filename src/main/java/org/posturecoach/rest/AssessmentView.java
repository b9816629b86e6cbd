package org.posturecoach.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.posturecoach.engine.Evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The Assessment body of the contract. A preview has no {@code id} and no {@code createdAt}. */
@JsonPropertyOrder({ "id", "createdAt", "clientRef", "answers", "knowledgeBaseVersion", "outcome", "findings",
        "warnings", "plan", "excluded", "firedRules" })
public record AssessmentView(
        @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant createdAt,
        @Schema(nullable = true) String clientRef,
        Map<String, Object> answers,
        String knowledgeBaseVersion,
        String outcome,
        List<Evaluation.FindingView> findings,
        List<Evaluation.WarningView> warnings,
        @Schema(nullable = true, description = "null when the outcome is refer") Evaluation.Plan plan,
        List<Evaluation.ExcludedView> excluded,
        List<String> firedRules) {

    public static AssessmentView of(String id, Instant createdAt, String clientRef, Map<String, Object> answers,
            Evaluation e) {
        return new AssessmentView(id, createdAt, clientRef, answers, e.knowledgeBaseVersion(), e.outcome(),
                e.findings(), e.warnings(), e.plan(), e.excluded(), e.firedRules());
    }

    @JsonIgnore
    public Evaluation evaluation() {
        return new Evaluation(knowledgeBaseVersion, outcome, findings, warnings, plan, excluded, firedRules);
    }
}
