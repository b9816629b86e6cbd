package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.assertFired;
import static org.posturecoach.rules.RuleHarness.assertNotFired;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.exercise;
import static org.posturecoach.rules.RuleHarness.mainIds;
import static org.posturecoach.rules.RuleHarness.mainItems;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluation.Item;

/** selection/selection.drl: candidates, scoring and the choice of the week's 3-5 main exercises. */
class SelectionRulesTest {

    static final String FILE = "posturecoach/selection/selection.drl";

    static final String COUNT = "Selection: the week is built from 3 to 5 distinct exercises, 3 for beginners";
    static final String CANDIDATES = "Selection: every eligible strength or activation exercise is a candidate for the main block";
    static final String NEEDS = "Selection: findings that call for a kind of work";
    static final String ROWS = "Scoring: rowing motions are the backbone of mid-back work";
    static final String POSTURE = "Scoring: posture-focused moves belong in every week";
    static final String STRENGTH = "Scoring: working sets come from strengthening exercises";
    static final String LOADED = "Scoring: intermediate and advanced lifters favour loaded exercises over bands";
    static final String BEGINNER = "Scoring: beginners favour machine, chest-supported and band exercises";
    static final String TOTAL = "Scoring: total the preferences of each candidate";
    static final String NEED_ROW = "Selection: at least one rowing motion whenever the equipment allows";
    static final String NEED_POSTURE = "Selection: at least one posture-focused move";
    static final String NEED_ISOLATION = "Selection: at least one isolation move such as face pulls or Y-raises";
    static final String NEED_KIND = "Selection: a finding that calls for a kind of work gets one exercise of that kind";
    static final String FILL = "Selection: fill the week with the highest-scoring candidates, one per movement pattern";
    static final String REAR_DELTS = "Scoring: mid-back work pairs with rear-delt and rotator-cuff exercises";
    static final String MINIMUM = "Selection: never fewer than 3 exercises while candidates remain";

    static final String LOW_BACK_ROWS = "Scoring: low back pain favours chest-supported, seated and neutral-grip rows";
    static final String LOW_BACK_SUPPORT = "Scoring: low back pain or a weak deadlift favours low-back support work";
    static final String LOW_BACK_LIGHT_ROWS = "Scoring: low back pain favours rows that barely load the low back";
    static final String LOW_BACK_LIGHT_SUPPORT = "Scoring: low back pain favours support work that barely loads the low back";
    static final String ISOLATION_POSTURE = "Scoring: rounded shoulders or a forward head favour isolation posture work";
    static final String Y_RAISE = "Scoring: forward head posture favours prone Y-raises";
    static final String NECK = "Scoring: neck pain favours posture work between the shoulder blades";
    static final String TRAPS = "Scoring: upper-trap dominance favours scapular activation work";
    static final String LOWER_TRAPS = "Scoring: upper-trap dominance favours 001's prone Y-raises and face pulls";
    static final String PULLS = "Scoring: a weak upper back in pulls favours rows";
    static final String OVERHEAD = "Scoring: overhead restriction favours face pulls and wall angels";
    static final String GRIP = "Scoring: a weak grip favours grip work";
    static final String GRIP_CANDIDATES = "Selection: grip work is a candidate only when the grip gives out first";

    /** The rules that fire for every planned week of a client past the beginner stage. */
    static final List<String> EVERY_INTERMEDIATE_WEEK = List.of(COUNT, CANDIDATES, NEEDS, ROWS, POSTURE, STRENGTH,
            LOADED, REAR_DELTS, TOTAL, NEED_ROW, NEED_POSTURE);

    static String[] plus(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aFullGymWithoutFindingsBuildsFourExercisesWithARowAndAPostureMove() {
        Evaluation ev = evaluate(baseline());
        assertEquals(4, mainIds(ev).size(), () -> mainIds(ev).toString());
        assertTrue(hasTag(ev, "row"));
        assertTrue(hasTag(ev, "posture"));
        assertTrue(hasTag(ev, "isolation"), "face pulls or Y-raises (001)");
        assertFalse(mainIds(ev).contains("scapular-squeeze"), "scapular squeezes belong to the warm-up");
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, FILL));
        // Near misses: no finding, so nothing finding-driven; the minimum rule is not needed.
        assertNotFired(ev, FILE, NEED_KIND);
        assertNotFired(ev, FILE, MINIMUM);
        assertNotFired(ev, FILE, BEGINNER);
    }

    @Test
    void beginnersStartWithThreeExercisesFavouringMachinesAndBands() {
        Evaluation ev = evaluate(with(baseline(), "experience", "beginner"));
        assertEquals(3, mainIds(ev).size(), () -> mainIds(ev).toString());
        assertTrue(mainIds(ev).stream().allMatch(id -> exercise(id).getLevel().equals("beginner")));
        assertTrue(mainIds(ev).stream().anyMatch(id -> exercise(id).getEquipment().contains("resistance-band")
                || exercise(id).getEquipment().contains("row-machine")
                || exercise(id).getTags().contains("chest-supported")));
        assertFired(ev, FILE, COUNT, CANDIDATES, NEEDS, ROWS, POSTURE, STRENGTH, BEGINNER, REAR_DELTS, TOTAL,
                NEED_ROW, NEED_POSTURE, FILL);
        assertNotFired(ev, FILE, LOADED);
    }

    @ParameterizedTest(name = "goal {0}")
    @CsvSource(delimiter = '|', value = {
            "strength    | Scoring: a strength goal favours heavy rows",
            "muscle      | Scoring: a muscle goal favours full-range rows",
            "posture     | Scoring: a posture goal favours posture-focused moves",
            "pain-relief | Scoring: a pain-relief or mobility goal favours low-load exercises",
            "mobility    | Scoring: a pain-relief or mobility goal favours low-load exercises" })
    void eachGoalAddsItsOwnPreferenceAndNoOther(String goal, String rule) {
        Evaluation ev = evaluate(with(baseline(), "goal", goal));
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, FILL, rule));
        assertTrue(mainItems(ev).stream().anyMatch(i -> i.explanation().because().contains("goal")),
                "the goal shows in the explanation of a chosen exercise");
        if (goal.equals("strength")) {
            assertTrue(hasTag(ev, "heavy"), "a heavy row for a strength goal");
        }
        if (goal.equals("pain-relief") || goal.equals("mobility")) {
            assertTrue(mainIds(ev).stream().allMatch(id -> exercise(id).getLowBackLoad().equals("low")), mainIds(ev)::toString);
        }
    }

    // Near miss for the goals: without a goal none of the goal preferences fires.
    @Test
    void noGoalNoGoalPreference() {
        Evaluation ev = evaluate(baseline());
        Stream.of("Scoring: a strength goal favours heavy rows", "Scoring: a muscle goal favours full-range rows",
                "Scoring: a posture goal favours posture-focused moves",
                "Scoring: a pain-relief or mobility goal favours low-load exercises")
                .forEach(rule -> assertNotFired(ev, FILE, rule));
    }

    @Test
    void lowBackPainChoosesChestSupportedRowsAndLowBackSupportWork() {
        Evaluation ev = evaluate(with(baseline(), "lowBackPain", true));
        assertTrue(hasTag(ev, "chest-supported"), mainIds(ev)::toString);
        assertTrue(hasTag(ev, "low-back-support"), mainIds(ev)::toString);
        assertTrue(mainIds(ev).stream().noneMatch(id -> exercise(id).getLowBackLoad().equals("high")));
        assertTrue(mainItems(ev).stream().filter(i -> exercise(i.exerciseId()).getTags().contains("row"))
                .allMatch(i -> i.explanation().because().contains("low-back-pain")), "rows chosen for the low back");
        // The posture slot goes to an isolation move (a face pull or Y-raise), so the isolation rule has nothing to
        // add; the low-back support work comes through the finding's need (a back extension is not posture work).
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, LOW_BACK_ROWS, LOW_BACK_LIGHT_ROWS, LOW_BACK_SUPPORT,
                LOW_BACK_LIGHT_SUPPORT, NEED_KIND, FILL));
    }

    // With low back pain the support work is a gentle one (a bird dog, a bridge), not the loaded dumbbell hip hinge that
    // an experienced lifter's preference for loaded work, or the id order, would otherwise pick. Near miss: a weak
    // deadlift without low back pain still gets support work, and the gentle-first rule does not fire.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "beginner", "intermediate", "advanced" })
    void lowBackPainSupportWorkBarelyLoadsTheLowBack(String experience) {
        Evaluation ev = evaluate(with(baseline(), "lowBackPain", true, "equipment", List.of("dumbbells"),
                "experience", experience));
        List<String> support = mainIds(ev).stream()
                .filter(id -> exercise(id).getTags().contains("low-back-support")).distinct().toList();
        assertFalse(support.isEmpty(), mainIds(ev)::toString);
        support.forEach(id -> assertEquals("low", exercise(id).getLowBackLoad(), id));
        assertFalse(mainIds(ev).contains("back-extension"), mainIds(ev)::toString);
        assertTrue(ev.firedRules().contains(LOW_BACK_LIGHT_SUPPORT));

        Evaluation deadlift = evaluate(with(baseline(), "weakDeadlift", true, "equipment", List.of("dumbbells"),
                "experience", experience));
        assertTrue(deadlift.firedRules().contains(LOW_BACK_SUPPORT));
        assertNotFired(deadlift, FILE, LOW_BACK_LIGHT_SUPPORT);
    }

    // With only dumbbells, low back pain rows single-arm with the free hand braced (low low-back load), not bent over
    // with both arms, even with a neutral grip. Near miss: without low back pain the bent-over row may lead.
    @Test
    void lowBackPainWithOnlyDumbbellsRowsBracedNotBentOver() {
        Evaluation ev = evaluate(with(baseline(), "lowBackPain", true, "equipment", List.of("dumbbells"),
                "daysPerWeek", 1));
        assertTrue(mainIds(ev).contains("dumbbell-row"), mainIds(ev)::toString);
        assertFalse(mainIds(ev).contains("bent-over-dumbbell-row"), mainIds(ev)::toString);
        assertTrue(ev.firedRules().contains(LOW_BACK_LIGHT_ROWS));
        Evaluation noPain = evaluate(with(baseline(), "equipment", List.of("dumbbells"), "daysPerWeek", 1));
        assertNotFired(noPain, FILE, LOW_BACK_LIGHT_ROWS);
    }

    // One movement pattern once: two exercises are one pattern when either lists the other as an alternative (the
    // Pendlay row lists the barbell row; the barbell row lists the Pendlay row only as harder). Before, a strength
    // week held both heavy barbell rows.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "strength", "muscle", "posture" })
    void theFillTakesOneExercisePerMovementPatternWhicheverListsTheOther(String goal) {
        Evaluation ev = evaluate(with(baseline(), "goal", goal, "experience", "advanced", "daysPerWeek", 1));
        List<Item> filled = mainItems(ev).stream().filter(i -> i.explanation().rule().equals(FILL)).toList();
        assertFalse(filled.isEmpty(), mainIds(ev)::toString);
        for (Item a : mainItems(ev)) {
            for (Item b : filled) {
                if (!a.exerciseId().equals(b.exerciseId())) {
                    assertFalse(exercise(a.exerciseId()).getRelated().alternatives().contains(b.exerciseId())
                            || exercise(b.exerciseId()).getRelated().alternatives().contains(a.exerciseId()),
                            a.exerciseId() + " and " + b.exerciseId() + " are one pattern: " + mainIds(ev));
                }
            }
        }
        assertFalse(mainIds(ev).containsAll(List.of("barbell-row", "pendlay-row")), mainIds(ev)::toString);
    }

    @Test
    void upperTrapDominancePutsScapularActivationInTheMainBlock() {
        Evaluation ev = evaluate(with(baseline(), "upperTrapDominance", true));
        assertTrue(mainItems(ev).stream().anyMatch(i -> exercise(i.exerciseId()).getTags().contains("scapular-activation")
                && i.explanation().because().contains("upper-trap-dominance")));
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, TRAPS, LOWER_TRAPS, FILL));
    }

    // Seed 001: for underactive lower traps and overactive upper traps, "prone Y-raises, and face pulls three times a
    // week". Found by an audit: a beginner with a band and a bench got band pull-aparts and wall angels, and both moves
    // 001 names waited. One of them now comes in whenever the kit allows (a bench, a band or a cable); near misses: without upper-trap dominance neither rule fires, and with no equipment the activation work is a
    // bodyweight move.
    @Test
    void upperTrapDominanceGetsTheYRaisesAndFacePulls001Names() {
        Map<String, Object> bandAndBench = with(baseline(), "experience", "beginner", "equipment",
                List.of("resistance-band", "bench"));
        Evaluation ev = evaluate(with(bandAndBench, "upperTrapDominance", true));
        assertTrue(mainIds(ev).contains("prone-y-raise") || mainIds(ev).contains("band-face-pull"),
                mainIds(ev)::toString);
        assertTrue(ev.firedRules().contains(LOWER_TRAPS));
        Evaluation band = evaluate(with(baseline(), "upperTrapDominance", true, "equipment",
                List.of("resistance-band")));
        assertTrue(mainIds(band).contains("band-face-pull"), mainIds(band)::toString);
        Evaluation without = evaluate(bandAndBench);
        assertFalse(without.firedRules().contains(LOWER_TRAPS));
        Evaluation none = evaluate(with(baseline(), "upperTrapDominance", true, "equipment", List.of("none")));
        assertFalse(none.firedRules().contains(LOWER_TRAPS));
        assertTrue(mainIds(none).stream().anyMatch(id -> exercise(id).getTags().contains("scapular-activation")),
                mainIds(none)::toString);
    }

    // Seed 001: pair mid-back work with rear-delt and rotator-cuff work. With upper-trap dominance the week's isolation
    // move is a face pull (rear delts), where before this rule the scapular-activation preference left it a prone
    // Y-raise; near miss: forward head posture still gets the Y-raise it favours by more.
    @Test
    void midBackWorkIsPairedWithRearDeltWork() {
        Evaluation ev = evaluate(with(baseline(), "upperTrapDominance", true));
        assertTrue(mainIds(ev).stream().anyMatch(id -> exercise(id).getTags().contains("isolation")
                && exercise(id).getPrimaryMuscles().contains("rear-deltoids")), mainIds(ev)::toString);
        assertTrue(ev.firedRules().contains(REAR_DELTS));
        Evaluation forwardHead = evaluate(with(baseline(), "forwardHeadPosture", true));
        assertTrue(mainIds(forwardHead).contains("prone-y-raise"), mainIds(forwardHead)::toString);
    }

    // Grip work is an addition (004: "simple additions"): one grip exercise, and never a session without mid-back work.
    // Before, its 15 points put a carry and a ball squeeze ahead of the rows, and one session held only those two.
    @Test
    void gripWorkIsAnAdditionNotTheSession() {
        Evaluation ev = evaluate(with(baseline(), "gripFatigue", true, "goal", "strength",
                "equipment", List.of("dumbbells", "pull-up-bar", "bench"), "daysPerWeek", 3));
        assertEquals(1, mainIds(ev).stream().filter(id -> exercise(id).getTags().contains("grip")).count(),
                mainIds(ev)::toString);
        for (var s : ev.plan().sessions()) {
            assertTrue(s.main().stream().anyMatch(i -> exercise(i.exerciseId()).getTags().contains("row")
                    || exercise(i.exerciseId()).getTags().contains("posture")), "day " + s.day());
        }
    }

    @Test
    void aWeakGripGetsOneGripExerciseAndAWeakDeadliftRows() {
        Evaluation ev = evaluate(with(baseline(), "gripFatigue", true, "weakDeadlift", true, "experience", "advanced"));
        List<Item> grip = mainItems(ev).stream().filter(i -> exercise(i.exerciseId()).getTags().contains("grip")).toList();
        assertEquals(1, grip.stream().map(Item::exerciseId).distinct().count(), "one grip exercise");
        assertEquals(NEED_KIND, grip.get(0).explanation().rule());
        assertTrue(mainItems(ev).stream().anyMatch(i -> exercise(i.exerciseId()).getTags().contains("row")
                && i.explanation().because().contains("weak-upper-back-in-pulls")));
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, GRIP_CANDIDATES, GRIP, PULLS, LOW_BACK_SUPPORT,
                NEED_KIND));
        // Near miss: the same lifter without grip fatigue gets no grip work: it is not even a candidate, and every
        // grip exercise is listed as not needed.
        Evaluation noGrip = evaluate(with(baseline(), "weakDeadlift", true, "experience", "advanced"));
        assertFalse(hasTag(noGrip, "grip"), mainIds(noGrip)::toString);
        assertNotFired(noGrip, FILE, GRIP);
        assertNotFired(noGrip, FILE, GRIP_CANDIDATES);
        for (String id : List.of("farmer-carry", "dead-hang", "stress-ball-squeeze")) {
            assertTrue(noGrip.excluded().stream().anyMatch(x -> x.exerciseId().equals(id)
                    && x.reason().equals("not-needed")), id);
        }
    }

    @Test
    void aForwardHeadGetsProneYRaisesUnlessTheShoulderPinchesOverhead() {
        Evaluation ev = evaluate(with(baseline(), "forwardHeadPosture", true));
        assertTrue(mainIds(ev).contains("prone-y-raise"), mainIds(ev)::toString);
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, ISOLATION_POSTURE, Y_RAISE, FILL));
        // Near miss: with shoulder pain overhead the Y-raise is contraindicated, so its preference never applies.
        Evaluation pinch = evaluate(with(baseline(), "forwardHeadPosture", true, "shoulderPainOverhead", true));
        assertFalse(mainIds(pinch).contains("prone-y-raise"));
        assertNotFired(pinch, FILE, Y_RAISE);
    }

    @Test
    void roundedShouldersAndNeckPainFavourPostureWork() {
        Evaluation ev = evaluate(with(baseline(), "roundedShoulders", true, "neckPain", true));
        assertTrue(mainItems(ev).stream().anyMatch(i -> exercise(i.exerciseId()).getTags().contains("isolation")
                && i.explanation().because().containsAll(List.of("neck-pain", "rounded-shoulders"))));
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, ISOLATION_POSTURE, NECK, FILL));
        assertNotFired(ev, FILE, Y_RAISE);
    }

    @Test
    void overheadRestrictionFavoursFacePullsAndWallAngels() {
        Evaluation ev = evaluate(with(baseline(), "overheadRestriction", true));
        assertTrue(mainIds(ev).contains("wall-angel") || hasTag(ev, "face-pull"), mainIds(ev)::toString);
        assertFired(ev, FILE, plus(EVERY_INTERMEDIATE_WEEK, OVERHEAD, FILL));
    }

    @Test
    void withoutEquipmentForARowTheWeekIsBodyweightPostureWork() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("none")));
        assertFalse(hasTag(ev, "row"));
        assertTrue(hasTag(ev, "posture"));
        // Bodyweight work has three distinct movement patterns (back extension, bird dog, wall angel; the superman
        // is the back extension's alternative), so the week holds three rather than the intermediate four; grip work
        // (the stress-ball squeeze) is no filler.
        assertEquals(3, mainIds(ev).size(), () -> mainIds(ev).toString());
        assertFalse(hasTag(ev, "grip"));
        assertTrue(mainIds(ev).stream().allMatch(id -> exercise(id).getEquipment().isEmpty()));
        // Near miss: no row candidate, so the row rule and the row preference do not fire.
        assertFired(ev, FILE, COUNT, CANDIDATES, NEEDS, POSTURE, STRENGTH, TOTAL, NEED_POSTURE, FILL);
        assertNotFired(ev, FILE, NEED_ROW);
    }

    @Test
    void aResistanceBandMakesARowPossibleAtHome() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("resistance-band")));
        assertTrue(mainIds(ev).contains("band-row") || mainIds(ev).contains("band-seated-row"), mainIds(ev)::toString);
        assertTrue(hasTag(ev, "posture"));
        assertFired(ev, FILE, COUNT, CANDIDATES, NEEDS, ROWS, POSTURE, STRENGTH, REAR_DELTS, TOTAL, NEED_ROW,
                NEED_POSTURE, FILL);
    }

    // The upright row is tagged a row but is not the backbone row: with only a band, the week's row is a band row and
    // the upright row does not outrank the posture and isolation band moves.
    @Test
    void theUprightRowIsNotTheBackboneRow() {
        for (String experience : List.of("beginner", "intermediate", "advanced")) {
            Evaluation ev = evaluate(with(baseline(), "equipment", List.of("resistance-band"), "experience", experience,
                    "goal", "muscle"));
            Set<String> main = mainIds(ev);
            assertTrue(main.contains("band-row") || main.contains("band-seated-row"), main::toString);
            assertFalse(main.contains("band-upright-row"), experience + ": " + main);
        }
    }

    // The minimum rule is a safety net the real catalogue never needs (every equipment set leaves several movement
    // patterns). A catalogue where every bodyweight move is an alternative of every other shows it working.
    @Test
    void whenMovementPatternsRunOutTheWeekStillHoldsThreeExercises() {
        Map<String, Object> answers = with(baseline(), "equipment", List.of("none"));
        Evaluation real = evaluate(answers);
        assertNotFired(real, FILE, MINIMUM);

        Evaluation ev = RuleHarness.evaluate(RuleHarness.onePatternKb(), answers);
        // The wall angel is the week's posture move; nothing else is a new pattern, so the minimum rule adds the two
        // best remaining candidates (all score 4; bird dog and glute bridge first by id) although they repeat it.
        // Chin tucks are never a main-block candidate (a daily reset, 004).
        assertEquals(Set.of("bird-dog", "glute-bridge", "wall-angel"), mainIds(ev));
        assertEquals(Set.of("bird-dog", "glute-bridge"), mainItems(ev).stream()
                .filter(i -> i.explanation().rule().equals(MINIMUM)).map(Item::exerciseId)
                .collect(java.util.stream.Collectors.toSet()));
    }

    static boolean hasTag(Evaluation ev, String tag) {
        return mainIds(ev).stream().anyMatch(id -> exercise(id).getTags().contains(tag));
    }
}
