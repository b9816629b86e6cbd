package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.assertFired;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.exclusion;
import static org.posturecoach.rules.RuleHarness.exclusionReasons;
import static org.posturecoach.rules.RuleHarness.ids;
import static org.posturecoach.rules.RuleHarness.mainIds;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.posturecoach.domain.Exercise;
import org.posturecoach.engine.Evaluation;

/** selection/wrap-up.drl: every catalogue exercise not in the plan is listed in `excluded`, with the reason. */
class WrapUpRulesTest {

    static final String FILE = "posturecoach/selection/wrap-up.drl";
    static final String WAITS = "Selection: relevant candidates beyond the week's exercises wait for the rotation";
    static final String NOT_NEEDED = "Selection: eligible exercises the answers did not call for are not needed this week";
    static final String COOLDOWN_FULL = "Cool-down: every session ends with 3 to 5 static stretches";

    static final Map<String, Object> HOME_BEGINNER_ROUNDED = with(baseline(), "equipment", List.of("resistance-band"),
            "experience", "beginner", "roundedShoulders", true, "daysPerWeek", 2);

    @Test
    void aRelevantCandidateThatDidNotFitWaitsAndAnUncalledOneIsNotNeeded() {
        Evaluation ev = evaluate(HOME_BEGINNER_ROUNDED);
        // The band reverse fly is isolation posture work, which rounded shoulders call for, but the week is full.
        Evaluation.ExcludedView fly = exclusion(ev, "band-reverse-fly", "weekly-cap-reached");
        assertEquals(WAITS, fly.explanation().rule());
        assertTrue(fly.explanation().because().contains("rounded-shoulders"));
        // The detail names the week's own exercise count (a beginner's 3), not the 12-set cap, which this week is under.
        assertEquals(3, mainIds(ev).size());
        assertTrue(ev.plan().weeklyWorkingSets() < 12);
        assertEquals("the week already holds its 3 exercises (a beginner starts with 3); it rotates in later (the "
                + "progression's last step names it)", fly.detail());
        // Near miss: an intermediate lifter's week is 3 to 5.
        Evaluation other = evaluate(with(HOME_BEGINNER_ROUNDED, "experience", "intermediate"));
        assertTrue(other.excluded().stream().anyMatch(x -> x.reason().equals("weekly-cap-reached")));
        other.excluded().stream().filter(x -> x.reason().equals("weekly-cap-reached")).forEach(x -> assertEquals(
                "the week already holds its " + mainIds(other).size() + " exercises (a week holds 3 to 5); it rotates "
                        + "in later (the progression's last step names it)", x.detail()));
        assertEquals("000_130317a81f3ea7f3.txt", fly.explanation().source());
        // Near miss: the superman is eligible but nothing in the answers called for it.
        assertEquals(Set.of("not-needed"), exclusionReasons(ev, "superman"));
        assertEquals(NOT_NEEDED, exclusion(ev, "superman", "not-needed").explanation().rule());
        // Chosen exercises are not listed as left out.
        mainIds(ev).forEach(id -> assertEquals(Set.of(), exclusionReasons(ev, id), id));
        assertFired(ev, FILE, WAITS, NOT_NEEDED);
    }

    @Test
    void everyCatalogueExerciseIsEitherPlannedOrExcluded() {
        for (Map<String, Object> answers : List.of(baseline(), HOME_BEGINNER_ROUNDED,
                with(baseline(), "equipment", List.of("none"), "lowBackPain", true))) {
            Evaluation ev = evaluate(answers);
            Set<String> accounted = RuleHarness.allItems(ev.plan()).map(Evaluation.Item::exerciseId)
                    .collect(Collectors.toCollection(TreeSet::new));
            ev.excluded().forEach(x -> accounted.add(x.exerciseId()));
            assertEquals(RuleHarness.kb().exercises().stream().map(Exercise::getId).collect(Collectors.toSet()),
                    accounted);
        }
    }

    // A relevant candidate that is already in the daily routine is in the plan, so it is not listed as left out.
    @Test
    void aCandidateInTheDailyRoutineIsNotListedAsLeftOut() {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", 9, "neckPain", true));
        assertTrue(ids(ev.plan().daily()).contains("band-pull-apart"));
        assertTrue(!mainIds(ev).contains("band-pull-apart"));
        assertEquals(Set.of(), exclusionReasons(ev, "band-pull-apart"));
        assertFired(ev, FILE, WAITS, NOT_NEEDED);
    }

    // Found by a review: a stretch the answers called for but the five places of the cool-down did not hold was listed as
    // "not called for by the answers". It is `cooldown-full`, explained by the answers behind it (the mobility goal's
    // standing side bend behind two neck stretches; the butterfly stretch, which every plan calls for, by none).
    // Near miss: with four stretches called for, the butterfly stretch is planned and nothing waits.
    @Test
    void aStretchTheCoolDownHasNoPlaceForWaitsForThatReason() {
        Evaluation ev = evaluate(with(baseline(), "goal", "mobility", "forwardHeadPosture", true));
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "upper-trap-stretch", "levator-scapulae-stretch",
                "seated-twist"), ids(ev.plan().sessions().get(0).cooldown()));
        Evaluation.ExcludedView bend = exclusion(ev, "standing-side-bend", "cooldown-full");
        assertEquals(COOLDOWN_FULL, bend.explanation().rule());
        assertEquals(List.of("goal"), bend.explanation().because());
        assertEquals("004_9c521a0d8171154b.txt", bend.explanation().source());
        assertTrue(bend.detail().contains("5 stretches"), bend.detail());
        assertEquals(Set.of("cooldown-full"), exclusionReasons(ev, "butterfly-stretch"));
        assertEquals(List.of(), exclusion(ev, "butterfly-stretch", "cooldown-full").explanation().because());
        assertEquals(Set.of("cooldown-full"), exclusionReasons(ev, "rhomboid-stretch"));
        // The warm-up side-bends the mid back instead (seed 003's extend, side-bend and rotate).
        assertTrue(ids(ev.plan().sessions().get(0).warmup()).contains("thoracic-side-bend"));

        Evaluation four = evaluate(baseline());
        assertTrue(ids(four.plan().sessions().get(0).cooldown()).contains("butterfly-stretch"));
        assertTrue(four.excluded().stream().noneMatch(x -> x.reason().equals("cooldown-full")));
        assertFired(four, FILE, WAITS, NOT_NEEDED);
    }

    // Near miss: with a red flag there is no plan, so nothing is listed as not needed or waiting.
    @Test
    void aReferralListsNothingAsNotNeeded() {
        Evaluation ev = evaluate(with(baseline(), "nightPain", true));
        assertTrue(ev.excluded().isEmpty());
        assertFired(ev, FILE);
    }
}
