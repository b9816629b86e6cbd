package org.posturecoach.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The single entry every door uses (REST assessments, previews, replays, intake conversations): validate against
 * the loaded questionnaire, then evaluate under the loaded knowledge base.
 */
@ApplicationScoped
public class AssessmentEngine {

    public static final int MAX_CLIENT_REF = 64;

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    @ConfigProperty(name = "posturecoach.rules.max-firings", defaultValue = "5000")
    int maxFirings;

    private Evaluator evaluator;

    @PostConstruct
    void init() {
        evaluator = new Evaluator(maxFirings);
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase.current();
    }

    /** Validates a complete request (answers and clientRef) and returns the normalised answers. */
    public Map<String, Object> validate(JsonNode answers, String clientRef) {
        List<FieldError> errors = new ArrayList<>(checkClientRef(clientRef));
        try {
            Map<String, Object> valid = AnswerValidator.validate(knowledgeBase().questionnaire(), answers,
                    AnswerValidator.Mode.COMPLETE);
            if (errors.isEmpty()) {
                return valid;
            }
        } catch (InvalidAnswersException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidAnswersException(errors);
    }

    public static List<FieldError> checkClientRef(String clientRef) {
        if (clientRef != null && (clientRef.isBlank() || clientRef.length() > MAX_CLIENT_REF)) {
            return List.of(new FieldError("/clientRef", "must be 1 to " + MAX_CLIENT_REF + " characters"));
        }
        return List.of();
    }

    /** Evaluates answers that already passed {@link #validate}. */
    public Evaluation evaluate(Map<String, Object> validAnswers) {
        return evaluator.evaluate(knowledgeBase(), validAnswers);
    }
}
