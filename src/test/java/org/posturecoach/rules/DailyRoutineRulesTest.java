package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.assertFired;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.ids;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.List;

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

    @Test
    void everyPlanStretchesTheChestDaily() {
        Evaluation ev = evaluate(baseline());
        assertEquals(List.of("doorway-pec-stretch"), ids(ev.plan().daily()));
        assertFired(ev, FILE, CHEST, LAYOUT);
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
            assertFired(ev, FILE, CHEST, DESK, LAYOUT);
        } else {
            assertEquals(List.of("doorway-pec-stretch"), ids(ev.plan().daily()));
            assertFired(ev, FILE, CHEST, LAYOUT);
        }
        // Daily resets are not working sets.
        assertEquals(ev.plan().weeklyWorkingSets(), RuleHarness.mainItems(ev).stream().mapToInt(Evaluation.Item::sets).sum());
    }

    // Near miss: without a band the desk reset is chin tucks and squeezes only.
    @Test
    void withoutABandTheDeskResetSkipsPullAparts() {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", 8, "equipment", List.of("none")));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck", "scapular-squeeze"), ids(ev.plan().daily()));
        assertFired(ev, FILE, CHEST, DESK, LAYOUT);
    }

    @Test
    void roundedShouldersGetDailyScapularSettingAndAForwardHeadDailyChinTucks() {
        Evaluation rounded = evaluate(with(baseline(), "roundedShoulders", true));
        assertEquals(List.of("doorway-pec-stretch", "scapular-squeeze"), ids(rounded.plan().daily()));
        assertFired(rounded, FILE, CHEST, SETTING, LAYOUT);

        Evaluation head = evaluate(with(baseline(), "forwardHeadPosture", true));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck"), ids(head.plan().daily()));
        assertFired(head, FILE, CHEST, CHIN, LAYOUT);
    }

    @Test
    void everythingAtOnceListsEachResetOnce() {
        Evaluation ev = evaluate(with(baseline(), "deskHoursPerDay", 10, "roundedShoulders", true,
                "upperTrapDominance", true, "forwardHeadPosture", true));
        assertEquals(List.of("doorway-pec-stretch", "chin-tuck", "scapular-squeeze", "band-pull-apart"),
                ids(ev.plan().daily()));
        assertFired(ev, FILE, CHEST, DESK, SETTING, CHIN, LAYOUT);
    }

    @Test
    void aReferralHasNoDailyRoutine() {
        assertFired(evaluate(with(baseline(), "nightPain", true, "deskHoursPerDay", 10)), FILE);
    }
}
