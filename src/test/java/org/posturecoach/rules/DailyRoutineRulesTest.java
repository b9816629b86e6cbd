package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.assertFired;
import static org.posturecoach.rules.RuleHarness.assertNotFired;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.ids;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.List;
import java.util.TreeSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posturecoach.engine.Evaluation;

/** routine/daily-routine.drl: short posture resets for every day, never counted as working sets. */
class DailyRoutineRulesTest {

    static final String FILE = "posturecoach/routine/daily-routine.drl";
    static final String CHEST = "Daily: stretch the chest and front shoulders every day";
    static final String DESK = "Daily: desk workers reset their posture with chin tucks, band pull-aparts and shoulder-blade squeezes";
    static final String SETTING = "Daily: rounded shoulders or busy upper traps get daily scapular setting";
    static final String CHIN = "Daily: a forward head gets daily chin tucks";
    static final String LAYOUT = "Daily: lay out the daily posture routine";
    static final String ONCE = "Daily: a reset the session already holds is not repeated on training days";
    static final String CHAIR = "Daily: a stiff mid back at a desk gets seated chair rotations";
    static final String ONCE_CUE = "On a day whose session has this, no need to repeat it";
    static final String MINUTE = "Daily: each desk reset is a minute or two, taken whenever the sitting has gone on a while";
    static final String MINUTE_CUE = "A minute or two: do it whenever you have been sitting a while";

    @Test
    void everyPlanStretchesTheChestDaily() {
        Evaluation ev = evaluate(baseline());
        assertEquals(List.of("doorway-pec-stretch"), ids(ev.plan().daily()));
        assertFired(ev, FILE, CHEST, LAYOUT, ONCE);
    }

    @ParameterizedTest(name = "{0} desk hours: resets {1}")
    @CsvSource({ "5, false", "6, true" })
    void deskWorkersGetDailyResetsFromSixHours(int hours, boolean resets) {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", hours));
        if (resets) {
            assertEquals(List.of("doorway-pec-stretch", "chin-tuck", "scapular-squeeze", "band-pull-apart"),
                    ids(ev.plan().daily()));
            ev.plan().daily().stream().skip(1)
                    .forEach(i -> assertTrue(i.explanation().because().contains("prolonged-sitting")));
            assertFired(ev, FILE, CHEST, DESK, LAYOUT, ONCE, MINUTE);
        } else {
            assertEquals(List.of("doorway-pec-stretch"), ids(ev.plan().daily()));
            assertFired(ev, FILE, CHEST, LAYOUT, ONCE);
        }
        // Daily resets are not working sets.
        assertEquals(ev.plan().weeklyWorkingSets(), RuleHarness.mainItems(ev).stream().mapToInt(Evaluation.Item::sets).sum());
    }

    // Near miss: without a band the desk reset is chin tucks and squeezes only.
    @Test
    void withoutABandTheDeskResetSkipsPullAparts() {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", 8, "equipment", List.of("none")));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck", "scapular-squeeze"), ids(ev.plan().daily()));
        assertFired(ev, FILE, CHEST, DESK, LAYOUT, ONCE, MINUTE);
    }

    @Test
    void roundedShouldersGetDailyScapularSettingAndAForwardHeadDailyChinTucks() {
        Evaluation rounded = evaluate(with(baseline(), "roundedShoulders", true));
        assertEquals(List.of("doorway-pec-stretch", "scapular-squeeze"), ids(rounded.plan().daily()));
        assertFired(rounded, FILE, CHEST, SETTING, LAYOUT, ONCE);

        Evaluation head = evaluate(with(baseline(), "forwardHeadPosture", true));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck"), ids(head.plan().daily()));
        assertFired(head, FILE, CHEST, CHIN, LAYOUT, ONCE);
    }

    @Test
    void everythingAtOnceListsEachResetOnce() {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", 10, "roundedShoulders", true,
                "upperTrapDominance", true, "forwardHeadPosture", true));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck", "scapular-squeeze", "band-pull-apart"),
                ids(ev.plan().daily()));
        assertFired(ev, FILE, CHEST, DESK, SETTING, CHIN, LAYOUT, ONCE, MINUTE);
    }

    // A daily reset the week's sessions already hold says it need not be repeated on a training day; near miss: one
    // that no session holds (chin tucks, without significant neck pain) says nothing of the kind.
    @Test
    void aResetTheSessionAlreadyHoldsIsNotRepeatedOnTrainingDays() {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", 8));
        Set<String> inSessions = new TreeSet<>();
        ev.plan().sessions().forEach(s -> {
            s.warmup().forEach(i -> inSessions.add(i.exerciseId()));
            s.main().forEach(i -> inSessions.add(i.exerciseId()));
            s.cooldown().forEach(i -> inSessions.add(i.exerciseId()));
        });
        for (Evaluation.Item i : ev.plan().daily()) {
            assertEquals(inSessions.contains(i.exerciseId()), i.cues().contains(ONCE_CUE), i.exerciseId());
        }
        assertTrue(ids(ev.plan().daily()).contains("chin-tuck") && !inSessions.contains("chin-tuck"));
        assertTrue(inSessions.contains("doorway-pec-stretch") && inSessions.contains("scapular-squeeze"));
    }

    // A stiff mid back at a desk adds seated chair rotations to the day; near miss: stiffness without the desk hours,
    // or desk hours without stiffness, does not.
    @Test
    void aStiffMidBackAtADeskGetsDailyChairRotations() {
        Evaluation both = evaluate(with(baseline(), "deskHoursPerDay", 8, "midBackStiffness", true));
        Evaluation.Item chair = both.plan().daily().stream().filter(i -> i.exerciseId().equals("chair-rotation"))
                .findFirst().orElseThrow(() -> new AssertionError(ids(both.plan().daily()).toString()));
        assertEquals(List.of("thoracic-stiffness", "prolonged-sitting"), chair.explanation().because());
        assertTrue(both.firedRules().contains(CHAIR));
        assertFalse(ids(evaluate(with(baseline(), "midBackStiffness", true)).plan().daily()).contains("chair-rotation"));
        assertFalse(ids(evaluate(with(baseline(), "deskHoursPerDay", 8)).plan().daily()).contains("chair-rotation"));
    }

    // 004: a desk reset takes "a minute or two", sprinkled into the day: each desk reset of a desk worker's day says so;
    // near misses: the chest stretch and the chair rotations are not desk resets, and without the desk hours the
    // forward head's daily chin tucks and the rounded shoulders' squeezes do not say it.
    @Test
    void eachDeskResetIsAMinuteOrTwoWheneverTheSittingHasGoneOnAWhile() {
        Evaluation desk = evaluate(with(baseline(), "deskHoursPerDay", 8, "midBackStiffness", true));
        for (Evaluation.Item i : desk.plan().daily()) {
            boolean reset = Set.of("chin-tuck", "scapular-squeeze", "band-pull-apart").contains(i.exerciseId());
            assertEquals(reset ? 1 : 0, i.cues().stream().filter(MINUTE_CUE::equals).count(),
                    i.exerciseId() + " " + i.cues());
        }
        assertTrue(ids(desk.plan().daily()).containsAll(List.of("doorway-pec-stretch", "chair-rotation")));

        Evaluation noDesk = evaluate(with(baseline(), "forwardHeadPosture", true, "roundedShoulders", true));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck", "scapular-squeeze"), ids(noDesk.plan().daily()));
        noDesk.plan().daily().forEach(i -> assertFalse(i.cues().contains(MINUTE_CUE), i.exerciseId()));
        assertNotFired(noDesk, FILE, MINUTE);
    }

    @Test
    void aReferralHasNoDailyRoutine() {
        assertFired(evaluate(with(baseline(), "nightPain", true, "deskHoursPerDay", 10)), FILE);
    }
}
