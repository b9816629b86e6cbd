package org.posturecoach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.InvalidAnswersException;
import org.posturecoach.rules.RuleHarness;

/**
 * The benchmark measures real assessments: every answer set it cycles through is valid and reaches the outcome and
 * plan shape it stands for (not an exception path or an empty plan).
 */
class EngineBenchmarkScenariosTest {

    private static Evaluation evaluate(String scenario) throws Exception {
        Map<String, Object> valid = EngineBenchmark.validate(RuleHarness.kb(), EngineBenchmark.SCENARIOS.get(scenario));
        return RuleHarness.evaluator().evaluate(RuleHarness.kb(), valid);
    }

    @Test
    void theMixIsTheSixNamedScenariosInAFixedOrder() {
        assertEquals(List.of("desk-worker", "low-back-pain-gym", "home-band", "no-equipment", "beginner-1-day",
                "red-flag"), EngineBenchmark.ORDER);
        assertEquals(EngineBenchmark.SCENARIOS.keySet(), Set.copyOf(EngineBenchmark.ORDER));
    }

    @ParameterizedTest
    @CsvSource({
            "desk-worker,       2, prolonged-sitting",
            "low-back-pain-gym, 2, low-back-pain",
            "home-band,         2, thoracic-stiffness",
            "no-equipment,      2, significant-neck-pain",
            "beginner-1-day,    1, rounded-shoulders" })
    void everyPlanScenarioBuildsAPlanWithinTheWeeklyCap(String scenario, int sessions, String finding)
            throws Exception {
        Evaluation e = evaluate(scenario);
        assertEquals(Evaluation.PLAN, e.outcome());
        assertEquals(sessions, e.plan().sessionsPerWeek());
        assertTrue(e.plan().weeklyWorkingSets() <= 12, "weekly sets " + e.plan().weeklyWorkingSets());
        assertTrue(e.plan().sessions().stream().allMatch(s -> !s.main().isEmpty() && !s.warmup().isEmpty()));
        assertTrue(e.findings().stream().anyMatch(f -> f.code().equals(finding)), e.findings().toString());
        assertTrue(e.firedRules().size() > 20, "fired " + e.firedRules().size());
    }

    @Test
    void theRedFlagScenarioRefersWithoutAPlan() throws Exception {
        Evaluation e = evaluate("red-flag");
        assertEquals(Evaluation.REFER, e.outcome());
        assertNull(e.plan());
        assertTrue(e.warnings().stream().anyMatch(w -> w.severity().equals("stop")));
    }

    @Test
    void theBaselineRejectsWhatTheValidatorRejects() {
        // near miss: the same desk-worker answers with an out-of-range value must not pass the baseline
        String bad = EngineBenchmark.SCENARIOS.get("desk-worker").replace("\"deskHoursPerDay\":9", "\"deskHoursPerDay\":25");
        assertThrows(InvalidAnswersException.class, () -> EngineBenchmark.validate(RuleHarness.kb(), bad));
    }
}
