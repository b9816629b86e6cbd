package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.posturecoach.engine.Evaluation;
import org.slf4j.LoggerFactory;

/**
 * With Drools' TRACE logging on (an operator chasing a problem in production might turn it on), evaluations still
 * work. Drools 10 formats rule names for TRACE while it links network segments, and that formatting throws a
 * ClassCastException for some rule shapes (a `not( A and not B )` sub-network that shares nodes with another): a
 * knowledge base must avoid those shapes, and this test finds them.
 */
class TraceLoggingTest {

    @Test
    void evaluationsWorkWithDroolsTraceLoggingOn() {
        Logger drools = Logger.getLogger("org.drools");
        Level before = drools.getLevel();
        drools.setLevel(Level.FINEST);
        try {
            assertTrue(LoggerFactory.getLogger("org.drools.core.reteoo.SegmentMemory").isTraceEnabled(),
                    "TRACE must really be on for this test to mean anything");
            for (var answers : List.of(baseline(),
                    with(baseline(), "experience", "beginner", "equipment", List.of("barbell")),
                    with(baseline(), "experience", "beginner", "equipment", List.of("barbell", "bench")),
                    with(baseline(), "lowBackPain", true, "upperTrapDominance", true, "midBackStiffness", true,
                            "deskHoursPerDay", 8, "neckPain", true, "neckPainSeverity", 7),
                    with(baseline(), "nightPain", true))) {
                Evaluation traced = evaluate(RuleHarness.freshKb(), answers);
                assertEquals(evaluate(answers).outcome(), traced.outcome());
                assertEquals(evaluate(answers).plan(), traced.plan(), "tracing changes no decision");
            }
        } finally {
            drools.setLevel(before);
        }
    }
}
