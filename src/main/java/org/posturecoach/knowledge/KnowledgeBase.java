package org.posturecoach.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kie.api.KieBase;
import org.posturecoach.domain.Exercise;
import org.posturecoach.domain.Questionnaire;

/**
 * Everything loaded from {@code rules/}: the compiled rules, the catalogue and the questionnaire,
 * under one content-hash version. Immutable; a reload builds a new one. {@code sessions} is a pool of sessions of
 * this KieBase: a returned session is reset and reused, which saves building one per evaluation.
 * {@code ruleOrder} gives each rule's place in an evaluation's {@code firedRules}: by phase, then file, then
 * declaration.
 */
public record KnowledgeBase(String version, Instant loadedAt, KieBase kieBase, SessionPool sessions,
        List<String> phases,
        Questionnaire questionnaire, List<Exercise> exercises, Map<String, Exercise> exercisesById,
        Map<String, List<String>> rulesByFile, Map<String, Integer> ruleOrder) {

    public Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(exercisesById.get(id));
    }
}
