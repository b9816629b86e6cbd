package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.assertFired;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.findingCodes;
import static org.posturecoach.rules.RuleHarness.warning;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posturecoach.domain.Question;
import org.posturecoach.engine.Evaluation;

/** triage/red-flags.drl: any red flag refers the client, with a stop warning and no plan. */
class RedFlagsRulesTest {

    static final String FILE = "posturecoach/triage/red-flags.drl";
    static final String REFER = "Triage: any red flag stops the plan and refers the client to a medical professional";
    static final String RECORD = "Triage: each red flag answered yes is recorded as a finding";

    /** Prefixes of the rules that build a plan; none may fire once a client is referred. */
    static final List<String> PLANNING = List.of("Eligibility:", "Contraindication:", "Selection:", "Scoring:",
            "Schedule:", "Dosage:", "Volume:", "Warm-up:", "Cool-down:", "Daily:", "Warning:", "Progression:");

    static Stream<String> redFlags() {
        return RuleHarness.kb().questionnaire().items().stream().filter(Question::isRedFlag).map(Question::id);
    }

    @Test
    void theQuestionnaireMarksTheFiveContractRedFlags() {
        assertEquals(Set.of("sharpOrWorseningPain", "numbnessOrTingling", "recentInjury", "nightPain",
                "unexplainedWeightLoss"), redFlags().collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("redFlags")
    void eachRedFlagAloneRefersTheClientWithAStopWarningAndNoPlan(String flag) {
        Evaluation ev = evaluate(with(baseline(), flag, true, "neckPain", true, "neckPainSeverity", 4));

        assertEquals("refer", ev.outcome());
        assertNull(ev.plan());
        assertEquals(1, ev.warnings().size(), "only the referral warning");
        Evaluation.WarningView stop = warning(ev, "refer-to-professional");
        assertEquals("stop", stop.severity());
        // The message names the sign in the client's words (the questionnaire's `sign`), not the question id.
        String sign = RuleHarness.kb().questionnaire().item(flag).orElseThrow().sign();
        assertTrue(sign != null && !sign.isBlank(), flag + " has a sign");
        assertTrue(stop.message().contains("medical professional") && stop.message().contains(sign), stop.message());
        assertFalse(stop.message().contains(flag), stop.message());
        assertEquals("Red flag: " + sign, ev.findings().stream().filter(f -> f.code().equals("red-flag-" + flag))
                .findFirst().orElseThrow().title());
        assertEquals(REFER, stop.explanation().rule());
        assertEquals(List.of(flag), stop.explanation().because());
        // The sign that triggered referral is a finding of its own; the symptoms are still recorded.
        assertEquals(Set.of("red-flag-" + flag, "neck-pain"), findingCodes(ev));
        assertTrue(ev.excluded().isEmpty(), "nothing is screened for a plan that is not built");
        assertFired(ev, FILE, REFER, RECORD);
        ev.firedRules().forEach(rule -> assertTrue(PLANNING.stream().noneMatch(rule::startsWith),
                () -> "a planning rule fired for a referral: " + rule));
    }

    // Seed 004 speaks only of sharp or worsening pain: the other red flags rest on the guideline and cite no seed.
    @ParameterizedTest
    @MethodSource("redFlags")
    void theStopWarningCitesSeed004OnlyForSharpOrWorseningPain(String flag) {
        Evaluation ev = evaluate(with(baseline(), flag, true));
        String expected = flag.equals("sharpOrWorseningPain") ? "004_9c521a0d8171154b.txt" : null;
        assertEquals(expected, warning(ev, "refer-to-professional").explanation().source(), flag);
        // With sharp pain among several flags, the seed is cited.
        Evaluation both = evaluate(with(baseline(), flag, true, "sharpOrWorseningPain", true));
        assertEquals("004_9c521a0d8171154b.txt", warning(both, "refer-to-professional").explanation().source());
    }

    @Test
    void twoRedFlagsGiveOneReferralNamingBoth() {
        Evaluation ev = evaluate(with(baseline(), "nightPain", true, "recentInjury", true));

        assertEquals("refer", ev.outcome());
        assertEquals(1, ev.warnings().size());
        assertEquals(Set.of("nightPain", "recentInjury"), new TreeSet<>(warning(ev, "refer-to-professional")
                .explanation().because()));
        assertEquals(Set.of("red-flag-nightPain", "red-flag-recentInjury"), findingCodes(ev));
        assertFired(ev, FILE, REFER, RECORD);
    }

    // Near miss: every red flag answered no. Nothing in the file fires and a plan is built.
    @Test
    void noRedFlagMeansAPlanAndNoReferral() {
        Evaluation ev = evaluate(baseline());

        assertEquals("plan", ev.outcome());
        assertTrue(ev.plan() != null);
        assertFalse(ev.warnings().stream().anyMatch(w -> w.severity().equals("stop")));
        assertTrue(findingCodes(ev).stream().noneMatch(c -> c.startsWith("red-flag-")));
        assertFired(ev, FILE);
    }
}
