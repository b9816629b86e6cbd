package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.assertFired;
import static org.posturecoach.rules.RuleHarness.assertNotFired;
import static org.posturecoach.rules.RuleHarness.baseline;
import static org.posturecoach.rules.RuleHarness.evaluate;
import static org.posturecoach.rules.RuleHarness.exercise;
import static org.posturecoach.rules.RuleHarness.firedIn;
import static org.posturecoach.rules.RuleHarness.mainIds;
import static org.posturecoach.rules.RuleHarness.mainItems;
import static org.posturecoach.rules.RuleHarness.with;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posturecoach.domain.Exercise;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluation.Item;

/** dosage/dosage.drl: sets, reps and cues of the main items, and the six-week progression. */
class DosageRulesTest {

    static final String FILE = "posturecoach/dosage/dosage.drl";
    static final String SETS = "Dosage: main items are 2 to 5 working sets";
    static final String ISOLATION = "Dosage: weeks 1-2 put prone Y-raises and face pulls at 3 sets of 12-15";
    static final String NO_SHRUG = "Dosage: upper-trap dominance adds a cue against shrugging to every main item";
    static final String MIND = "Dosage: upper-trap dominance adds a mind-muscle cue to rows";
    static final String LIGHT = "Dosage: beginners start light and master the form";
    static final String BODYWEIGHT = "Dosage: beginners start bodyweight moves easy and master the form";
    static final String NECK = "Dosage: significant neck pain keeps every set light and pain-free";
    static final String SQUEEZE = "Dosage: every mid-back set starts with 5-10 seconds of scapular squeezes";
    static final String BEGINNER_ROW = "Dosage: beginners row dumbbells at 2 sets of 10-15";
    static final String BEGINNER_SETS = "Dosage: beginners start at 3 sets at most";
    static final String BENT_OVER = "Dosage: low back pain takes bent-over moves onto a bench or a seat";
    static final String BENT_OVER_CUE = "With low back pain: seated with the chest toward the thighs rather than standing bent over";
    static final String BENCH_CUE = "With low back pain: chest down on an incline bench, or seated with the chest toward the thighs, rather than standing bent over";

    static final String P12 = "Progression: weeks 1-2 are activation and form mastery";
    static final String P34 = "Progression: weeks 3-4 add seated cable rows 3x10 and dumbbell rows 3x8-10 at a 3-1-3 tempo";
    static final String P34_LOW_BACK = "Progression: weeks 3-4 with low back pain row chest-supported at a 3-1-3 tempo";
    static final String P34_HOME = "Progression: weeks 3-4 at home use band rows at a 3-1-3 tempo";
    static final String P56 = "Progression: weeks 5-6 add one heavy row and a 20-rep face-pull burnout";
    static final String P56_SUPPORTED = "Progression: weeks 5-6 load a supported row for beginners or with low back pain";
    static final String P7 = "Progression: after six weeks add a set, a little load and harder variations";
    static final String WALL_ANGEL = "Dosage: with shoulder pain overhead, wall angels stay in the pain-free range";
    static final String WALL_ANGEL_CUE = "With your shoulder pain: slide only as far as stays pain-free, elbows no higher "
            + "than the shoulders to begin with, and stop short of any pinch";
    static final String PRE_FATIGUE = "Dosage: pre-fatigue before heavy rows only with a band or a cable for the face pulls";
    static final String PRE_FATIGUE_CUE = "A set of face pulls or band retractions beforehand (pre-fatigue) helps you feel the mid back doing the work";

    static final String NO_SHRUG_CUE = "No shrugging: keep the shoulders down and away from the ears; if they creep up, make the set easier";
    static final String SHOULDERS_DOWN_CUE =
            "Keep the shoulders down and away from the ears; don't let the upper traps take over (no shrugging)";
    static final String MIND_CUE = "Pull with your elbows and pinch a pencil between your shoulder blades; check in a mirror";
    static final String LIGHT_CUE = "Start light: a weight you can control for every rep";
    static final String LIGHT_BAND_CUE = "Start light: a band you can control for every rep";
    static final String BODYWEIGHT_CUE = "Start light: fewer reps or shorter holds until every rep is controlled";
    static final String NECK_CUE = "With your neck pain, lighter than moderate: keep every rep pain-free and stop the set if the neck pain rises";
    static final String SQUEEZE_CUE = "Before each set: 5-10 seconds of scapular squeezes, shoulder blades down and together, arms still";

    // Seed 001's weeks 1-2 dose is for prone Y-raises and face pulls; a cable face pull's 4 sets (000) come down to 3.
    @Test
    void yRaisesAndFacePullsStartAtThreeSetsOfTwelveToFifteen() {
        Evaluation ev = evaluate(with(baseline(), "roundedShoulders", true, "daysPerWeek", 1));
        Item facePull = item(ev, "cable-face-pull");
        assertEquals(4, exercise("cable-face-pull").getDefaultDose().sets(), "catalogue default (000)");
        assertEquals(3, facePull.sets());
        assertEquals("12-15", facePull.reps());
        // Near miss: every other main item keeps its catalogue reps.
        mainItems(ev).stream().filter(i -> !i.exerciseId().equals("cable-face-pull"))
                .forEach(i -> assertEquals(exercise(i.exerciseId()).getDefaultDose().reps(), i.reps(), i.exerciseId()));
        mainItems(ev).forEach(i -> assertFalse(light(i), "no beginner cue for " + i.exerciseId()));
        assertFired(ev, FILE, ISOLATION, SQUEEZE, P12, P34, P56, P7);
    }

    // Near miss: other isolation and activation moves keep the dose their own seed gives them (band pull-aparts 2x15,
    // 004); beginners get the start-light cue on every main item.
    @Test
    void otherIsolationMovesKeepTheirOwnDose() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("resistance-band"), "experience", "beginner",
                "roundedShoulders", true, "daysPerWeek", 1));
        Item pullApart = item(ev, "band-pull-apart");
        assertEquals(2, pullApart.sets());
        assertEquals("15", pullApart.reps());
        Item row = item(ev, "band-row");
        assertEquals(exercise("band-row").getDefaultDose().sets(), row.sets());
        assertEquals(exercise("band-row").getDefaultDose().reps(), row.reps());
        // A band move starts on a light band, not "a weight".
        mainItems(ev).forEach(i -> assertTrue(i.cues().contains(LIGHT_BAND_CUE) && !i.cues().contains(LIGHT_CUE),
                i.exerciseId()));
        assertFired(ev, FILE, LIGHT, SQUEEZE, P12, P34_HOME, P56_SUPPORTED, P7);
    }

    // Near miss: held moves keep their holds, and a bodyweight plan has no Y-raise or face pull to re-dose.
    @Test
    void heldMovesKeepTheirHolds() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("none"), "daysPerWeek", 1));
        Item extension = item(ev, "prone-back-extension");
        assertEquals(3, extension.sets());
        assertEquals(30, extension.holdSeconds());
        Item wallAngel = item(ev, "wall-angel");
        assertEquals(2, wallAngel.sets());
        assertEquals("10", wallAngel.reps());
        assertFired(ev, FILE, SQUEEZE, P12, P34_HOME, P56, P7);
    }

    @Test
    void upperTrapDominanceCuesEveryMainItemAgainstShruggingAndRowsWithTheElbows() {
        Evaluation ev = evaluate(with(baseline(), "upperTrapDominance", true));
        for (Item i : mainItems(ev)) {
            assertTrue(i.cues().contains(NO_SHRUG_CUE), i.exerciseId());
            boolean row = exercise(i.exerciseId()).getTags().contains("row");
            assertEquals(row, i.cues().contains(MIND_CUE), i.exerciseId());
            assertEquals(1, i.cues().stream().filter(NO_SHRUG_CUE::equals).count(), "added once");
            // The stronger cue takes the place of the catalogue's shoulders-down cue: one cue about the ears.
            assertFalse(i.cues().stream().anyMatch(c -> c.startsWith("Keep the shoulders down")), i.cues()::toString);
        }
        assertFired(ev, FILE, ISOLATION, NO_SHRUG, MIND, SQUEEZE, P12, P34, P56, P7);
        // Near miss: without upper-trap dominance no item carries these cues; rows keep the catalogue's own.
        Evaluation without = evaluate(baseline());
        mainItems(without).forEach(i -> assertFalse(i.cues().contains(NO_SHRUG_CUE) || i.cues().contains(MIND_CUE)));
        mainItems(without).stream().filter(i -> exercise(i.exerciseId()).getTags().contains("row")).forEach(i ->
                assertTrue(i.cues().contains(SHOULDERS_DOWN_CUE), i.cues()::toString));
        assertNotFired(without, FILE, NO_SHRUG);
        assertNotFired(without, FILE, MIND);
    }

    // With low back pain, the bent-over moves left in the plan (moderate load) are done chest-supported or seated; near
    // miss: the braced single-arm row is no bent-over move, and without low back pain nothing changes.
    @Test
    void lowBackPainTakesBentOverMovesOntoABenchOrASeat() {
        Map<String, Object> dumbbells = with(baseline(), "equipment", List.of("dumbbells"), "experience", "beginner",
                "midBackStiffness", true, "daysPerWeek", 2);
        Evaluation ev = evaluate(with(dumbbells, "lowBackPain", true));
        List<Item> bentOver = mainItems(ev).stream()
                .filter(i -> exercise(i.exerciseId()).getTags().contains("bent-over")).toList();
        assertFalse(bentOver.isEmpty(), RuleHarness.mainIds(ev).toString());
        bentOver.forEach(i -> assertTrue(i.cues().contains(BENT_OVER_CUE), i.exerciseId()));
        mainItems(ev).stream().filter(i -> !exercise(i.exerciseId()).getTags().contains("bent-over"))
                .forEach(i -> assertFalse(i.cues().contains(BENT_OVER_CUE), i.exerciseId()));
        assertTrue(ev.firedRules().contains(BENT_OVER));
        Evaluation without = evaluate(dumbbells);
        mainItems(without).forEach(i -> assertFalse(i.cues().contains(BENT_OVER_CUE), i.exerciseId()));
        assertNotFired(without, FILE, BENT_OVER);
        // The seated or benched position takes the place of the standing hip-hinge cue.
        bentOver.forEach(i -> assertFalse(i.cues().stream().anyMatch(c -> c.contains("hip hinge")), i.cues()::toString));
        mainItems(without).stream().filter(i -> i.exerciseId().equals("dumbbell-reverse-fly")).forEach(i ->
                assertTrue(i.cues().stream().anyMatch(c -> c.contains("hip hinge")), i.cues()::toString));
        // Without a bench the cue names none; near miss: with one, the incline bench comes first.
        bentOver.forEach(i -> assertFalse(i.cues().contains(BENCH_CUE), i.exerciseId()));
        Evaluation bench = evaluate(with(dumbbells, "lowBackPain", true, "equipment", List.of("dumbbells", "bench")));
        List<Item> benched = mainItems(bench).stream()
                .filter(i -> exercise(i.exerciseId()).getTags().contains("bent-over")).toList();
        assertFalse(benched.isEmpty(), RuleHarness.mainIds(bench).toString());
        benched.forEach(i -> assertTrue(i.cues().contains(BENCH_CUE) && !i.cues().contains(BENT_OVER_CUE),
                i.exerciseId()));
    }

    // Beginners start with at most 3 sets: the hammer iso row's 4 sets (000's routine for trained lifters) come down;
    // near miss: an intermediate lifter keeps 4.
    @Test
    void beginnersStartAtThreeSetsAtMost() {
        Map<String, Object> machine = with(baseline(), "equipment", List.of("row-machine"), "daysPerWeek", 1);
        Evaluation beginner = evaluate(with(machine, "experience", "beginner"));
        assertEquals(3, item(beginner, "hammer-iso-row").sets());
        mainItems(beginner).forEach(i -> assertTrue(i.sets() <= 3, i.exerciseId()));
        assertTrue(beginner.firedRules().contains(BEGINNER_SETS));
        Evaluation intermediate = evaluate(machine);
        assertEquals(4, item(intermediate, "hammer-iso-row").sets());
        assertNotFired(intermediate, FILE, BEGINNER_SETS);
    }

    // With neck pain of 6/10 or more, weeks 3-4 (where resistance first comes in), 5-6 and 7+ add load only once the
    // pain has settled, as the warning and the cues say; near miss: 5/10 reads as before.
    @ParameterizedTest(name = "neck pain {0}/10")
    @CsvSource({ "5, false", "6, true", "9, true" })
    void significantNeckPainPutsMoreLoadAfterThePainHasSettled(int severity, boolean first) {
        Evaluation ev = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", severity));
        for (Evaluation.Progression p : ev.plan().progression()) {
            boolean loads = !p.weeks().equals("1-2");
            assertEquals(first && loads, p.changes().startsWith("Only once your neck pain has settled"), p.weeks());
            // The condition is a sentence of its own: the step that follows it starts with a capital letter.
            assertFalse(p.changes().contains("pain-free: "), p.changes());
        }
    }

    // With low back pain, weeks 3-4 offer the supported rows as options ("one or two of"), never all of them at once,
    // and only those open to the client: a beginner's list has no seal row (above the level), an intermediate's has.
    @Test
    void weeksThreeToFourWithLowBackPainOfferOnlyTheClientsSupportedRows() {
        Map<String, Object> gym = with(baseline(), "lowBackPain", true);
        String beginner = evaluate(with(gym, "experience", "beginner")).plan().progression().get(1).changes();
        String intermediate = evaluate(gym).plan().progression().get(1).changes();
        assertTrue(beginner.contains("choosing one or two of: "), beginner);
        assertFalse(beginner.contains("seal rows"), beginner);
        assertTrue(beginner.contains("seated cable rows 3x10"), beginner);
        assertTrue(intermediate.contains("seal rows, chest on the bench, 3x8-10"), intermediate);
        String supported = evaluate(with(gym, "experience", "beginner")).plan().progression().get(2).changes();
        assertFalse(supported.contains("seal row"), supported);
    }

    // Near miss of the above: with one supported row open (a band only), there is nothing to choose from, so the row is
    // named alone; with none (a barbell only), the step says what kit the supported row needs.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "resistance-band | not unsupported bent-over ones: seated band rows 2x10-15; within",
        "barbell | not unsupported bent-over ones: seated band rows 2x10-15 once you have a resistance band" })
    void weeksThreeToFourWithLowBackPainNameASingleSupportedRowAlone(String kit, String expected) {
        Map<String, Object> home = with(baseline(), "lowBackPain", true, "equipment", List.of(kit));
        String changes = evaluate(home).plan().progression().get(1).changes();
        assertTrue(changes.contains(expected), changes);
        assertFalse(changes.contains("one or two of"), changes);
    }

    // Seed 003's home dose for the dumbbell bent-over row, 2x10-15, is a beginner's start; near miss: an intermediate
    // lifter with the same kit keeps seed 001's 3x8-10.
    @Test
    void beginnersRowDumbbellsAtTwoSetsOfTenToFifteen() {
        Map<String, Object> dumbbells = with(baseline(), "equipment", List.of("dumbbells"), "daysPerWeek", 2);
        Evaluation beginner = evaluate(with(dumbbells, "experience", "beginner"));
        Item row = item(beginner, "bent-over-dumbbell-row");
        assertEquals(2, row.sets());
        assertEquals("10-15", row.reps());
        assertTrue(beginner.firedRules().contains(BEGINNER_ROW));
        Evaluation intermediate = evaluate(dumbbells);
        Item same = item(intermediate, "bent-over-dumbbell-row");
        assertEquals(3, same.sets());
        assertEquals("8-10", same.reps());
        assertNotFired(intermediate, FILE, BEGINNER_ROW);
    }

    // Seed 001: scapular squeezes before every mid-back set. Rows and posture moves carry the cue once; the near miss:
    // grip work (a weak grip) and low-back support work (low back pain) are in the same weeks and carry none.
    @Test
    void everyMidBackSetStartsWithScapularSqueezes() {
        Evaluation ev = evaluate(with(baseline(), "gripFatigue", true, "lowBackPain", true, "daysPerWeek", 3));
        int with = 0;
        int without = 0;
        for (Item i : mainItems(ev)) {
            List<String> tags = exercise(i.exerciseId()).getTags();
            boolean midBack = (tags.contains("row") || tags.contains("vertical-pull") || tags.contains("posture"))
                    && !tags.contains("upright-row");
            assertEquals(midBack, i.cues().contains(SQUEEZE_CUE), i.exerciseId());
            assertTrue(i.cues().stream().filter(SQUEEZE_CUE::equals).count() <= 1, "added once: " + i.exerciseId());
            with += midBack ? 1 : 0;
            without += midBack ? 0 : 1;
        }
        assertTrue(with > 0, "a row or posture move is planned");
        assertTrue(without > 0, "grip or low-back work is planned too: the near miss");
        assertFired(ev, FILE, ISOLATION, SQUEEZE, P12, P34_LOW_BACK, P56_SUPPORTED, P7);
        // The warm-up keeps its own squeezes before the first set.
        ev.plan().sessions().forEach(s -> assertTrue(s.warmup().stream()
                .anyMatch(w -> w.exerciseId().equals("scapular-squeeze")), "warm-up of day " + s.day()));
    }

    // Seed 001 trains the mid back "through rows or pull-downs": a main lat pulldown starts with the squeezes too.
    // Near miss: before this, only rows and posture moves carried the cue.
    @Test
    void aMainPullDownStartsWithScapularSqueezesToo() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("cable-machine"), "daysPerWeek", 3));
        Item pulldown = item(ev, "lat-pulldown");
        assertTrue(pulldown.cues().contains(SQUEEZE_CUE), pulldown.cues().toString());
        assertEquals(1, pulldown.cues().stream().filter(SQUEEZE_CUE::equals).count());
        assertTrue(exercise("lat-pulldown").getTags().contains("vertical-pull"));
        assertFalse(exercise("lat-pulldown").getTags().contains("row"));
        assertTrue(ev.firedRules().contains(SQUEEZE));
    }

    @ParameterizedTest(name = "neck pain {0}/10: light cue {1}")
    @CsvSource({ "5, false", "6, true", "7, true" })
    void significantNeckPainKeepsEverySetLight(int severity, boolean light) {
        Evaluation ev = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", severity));
        mainItems(ev).forEach(i -> assertEquals(light, i.cues().contains(NECK_CUE), i.exerciseId()));
        if (light) {
            assertFired(ev, FILE, ISOLATION, NECK, SQUEEZE, P12, P34, P56, P7);
        } else {
            assertFired(ev, FILE, ISOLATION, SQUEEZE, P12, P34, P56, P7);
        }
    }

    // A move without a load to lighten (bodyweight work, a ball squeeze) is kept pain-free without "lighter than
    // moderate"; near miss: the loaded moves of the same plan get the lighter cue.
    @Test
    void significantNeckPainDoesNotAskToLightenAMoveWithoutALoad() {
        String plain = "With your neck pain: keep every rep pain-free and stop the set if the neck pain rises";
        Evaluation ev = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", 7, "gripFatigue", true,
                "lowBackPain", true, "equipment", List.of("none")));
        assertFalse(mainItems(ev).isEmpty());
        mainItems(ev).forEach(i -> {
            assertTrue(i.cues().contains(plain), i.exerciseId());
            assertFalse(i.cues().contains(NECK_CUE), i.exerciseId());
        });
        Evaluation gym = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", 7));
        mainItems(gym).forEach(i -> assertTrue(i.cues().contains(NECK_CUE) && !i.cues().contains(plain),
                i.exerciseId()));
    }

    // The 2-5 sets rule is a safety net: every real catalogue dose for the main block is already 2-5 sets, so it
    // never fires; a catalogue edited to give the back extension and the superman 1 set shows it raising the dose to 2.
    @Test
    void aMainItemBelowTwoSetsIsRaisedToTwo() {
        Map<String, Object> answers = with(baseline(), "equipment", List.of("none"), "daysPerWeek", 1);
        Evaluation real = evaluate(answers);
        assertNotFired(real, FILE, SETS);
        assertEquals(3, item(real, "prone-back-extension").sets());

        Evaluation ev = RuleHarness.evaluate(RuleHarness.safetyNetKb(), answers);
        assertEquals(1, RuleHarness.safetyNetKb().exercise("prone-back-extension").orElseThrow().getDefaultDose().sets());
        // Whichever one-set move that catalogue puts in the week (the back extension or the superman) is raised to 2.
        List<Item> oneSet = mainItems(ev).stream().filter(i -> RuleHarness.safetyNetKb().exercise(i.exerciseId())
                .orElseThrow().getDefaultDose().sets() == 1).toList();
        assertFalse(oneSet.isEmpty(), RuleHarness.mainIds(ev).toString());
        oneSet.forEach(i -> assertEquals(2, i.sets(), i.exerciseId()));
        assertTrue(ev.firedRules().contains(SETS));
    }

    @ParameterizedTest(name = "{0}, {1}, low back pain {2} -> {3} / {4}")
    @CsvSource(delimiter = '|', value = {
            "dumbbells barbell bench cable-machine | intermediate | false | " + P34 + " | " + P56,
            "dumbbells barbell bench cable-machine | intermediate | true  | " + P34_LOW_BACK + " | " + P56_SUPPORTED,
            "cable-machine                         | advanced     | false | " + P34 + " | " + P56,
            "dumbbells                             | beginner     | false | " + P34 + " | " + P56_SUPPORTED,
            "resistance-band                       | intermediate | false | " + P34_HOME + " | " + P56,
            "resistance-band                       | beginner     | true  | " + P34_LOW_BACK + " | " + P56_SUPPORTED,
            "none                                  | beginner     | false | " + P34_HOME + " | " + P56_SUPPORTED })
    void theProgressionHasExactlyOneStepForEachPeriod(String equipment, String experience, boolean lowBackPain,
            String weeks34, String weeks56) {
        Evaluation ev = evaluate(with(baseline(), "equipment", Arrays.asList(equipment.split(" ")),
                "experience", experience, "lowBackPain", lowBackPain));
        // The rotation step after them (rotation.drl) comes only when something waited this week.
        List<Evaluation.Progression> steps = ev.plan().progression().stream().filter(p -> !"9+".equals(p.weeks()))
                .toList();
        assertEquals(List.of("1-2", "3-4", "5-6", "7+"), steps.stream().map(Evaluation.Progression::weeks).toList());
        assertEquals(List.of(P12, weeks34, weeks56, P7), steps.stream().map(p -> p.explanation().rule()).toList());
        assertTrue(steps.get(0).changes().contains("3 sets of 12-15"));
        assertTrue(steps.get(1).changes().contains("3-1-3"));
        assertTrue(steps.get(2).changes().contains("20 face pulls"), "named even without the kit, with what it needs");
        Set<String> progression = firedIn(ev, FILE).stream().filter(r -> r.startsWith("Progression:"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(P12, weeks34, weeks56, P7)), progression);
    }

    // The progression names only what the client's kit allows: Pendlay rows only with a barbell, cable rows only with a
    // cable machine, dumbbell rows only with dumbbells, face pulls only with a band or cable.
    @ParameterizedTest(name = "{0}, {1}, low back pain {2}")
    @CsvSource(delimiter = '|', value = {
            "dumbbells barbell bench cable-machine | intermediate | false | take this plan's Seated Cable Row to 3x10;add neutral-grip bent-over dumbbell rows 3x8-10 | -  | Keep one heavy row (this plan's;20 face pulls. | Include one heavy row",
            "cable-machine                         | advanced     | false | take this plan's Seated Cable Row to 3x10 | dumbbell rows | heavy seated cable row;20 face pulls. | Pendlay",
            "dumbbells                             | intermediate | false | keep this plan's Bent-Over Dumbbell Row (Neutral Grip) at 3x8-10. Tempo | cable;add;in place of other main work | heavy single-arm dumbbell row | Pendlay;20 face pulls.",
            "dumbbells                             | beginner     | false | take this plan's Bent-Over Dumbbell Row (Neutral Grip) to 3x8-10, in place of other main work | add | single-arm dumbbell row | Pendlay",
            "resistance-band                       | intermediate | false | Work up to seated band rows 2x10-15 and single-arm band rows 2x10 per side | Get a resistance band | stronger band;20 face pulls. | Pendlay",
            "row-machine                           | intermediate | false | Work this plan's Hammer Strength Iso-Lateral Row at 3x10, then 3x8-10 | Get a resistance band | heavy chest-supported machine row | Pendlay",
            "landmine                              | intermediate | false | Get a resistance band | Work this plan's;Keep the rows | once you have a resistance band or weights | Pendlay",
            "barbell landmine                      | beginner     | false | Work this plan's Meadows Landmine Row at 3x10 | Get a resistance band | supported row (this plan's Meadows Landmine Row) | seated band row",
            "barbell resistance-band               | intermediate | false | Work this plan's Barbell Row at 3x10, then 3x8-10, and work up to seated band rows | Get a | Keep one heavy row (this plan's Barbell Row) | Include one heavy row",
            "dumbbells                             | beginner     | true  | single-arm dumbbell rows, the free hand braced on a chair, 3x8-10 per side | once you have;never bent over;3x10 | single-arm dumbbell row | Pendlay",
            "cable-machine dumbbells               | intermediate | true  | seated cable rows 3x10;single-arm dumbbell rows, the free hand braced on a chair, 3x8-10 per side | incline;seated band | single-arm dumbbell row | Pendlay",
            "none                                  | intermediate | false | Get a resistance band | - | once you have a resistance band or weights;face pulls need a band | Pendlay",
            "dumbbells bench resistance-band       | beginner     | true  | incline dumbbell rows, chest on the bench, 3x8-10;seated band rows 2x10-15 | cable;single-arm | incline dumbbell row;20 face pulls. | Pendlay",
            "barbell                               | intermediate | true  | once you have a resistance band | - | once you have a resistance band | Pendlay" })
    void theProgressionNamesOnlyWhatTheKitAllows(String equipment, String experience, boolean lowBackPain,
            String weeks34Has, String weeks34HasNot, String weeks56Has, String weeks56HasNot) {
        Evaluation ev = evaluate(with(baseline(), "equipment", Arrays.asList(equipment.split(" ")),
                "experience", experience, "lowBackPain", lowBackPain));
        List<Evaluation.Progression> steps = ev.plan().progression();
        assertText(steps.get(1).changes(), weeks34Has, weeks34HasNot);
        assertText(steps.get(2).changes(), weeks56Has, weeks56HasNot);
        assertTrue(steps.get(1).changes().contains("3-1-3"));
        // Weeks 1-2 never name an exercise the plan may not hold unconditionally.
        assertTrue(steps.get(0).changes().contains("where the plan has them"));
    }

    // A beginner with only a barbell rows the barbell row (kept light, above the level): weeks 5-6 do not call it a
    // supported row to load; near miss: a braced Meadows row is.
    @Test
    void aBentOverRowIsNeverCalledSupported() {
        String barbell = evaluate(with(baseline(), "experience", "beginner", "equipment", List.of("barbell")))
                .plan().progression().get(2).changes();
        assertFalse(barbell.contains("supported row (this plan's Barbell Row"), barbell);
        assertTrue(barbell.contains("Keep this plan's Barbell Row at a weight you control for every rep rather than "
                + "going heavy; add weight on a supported row instead (a seated band row once you have a resistance "
                + "band, the one piece of kit it needs)"), barbell);
        String meadows = evaluate(with(baseline(), "experience", "beginner", "equipment", List.of("barbell", "landmine")))
                .plan().progression().get(2).changes();
        assertTrue(meadows.contains("supported row (this plan's Meadows Landmine Row)"), meadows);
        // With low back pain a braced but bent-over row is not offered as the supported one.
        Evaluation lowBack = evaluate(with(baseline(), "lowBackPain", true, "equipment", List.of("barbell", "landmine")));
        assertTrue(mainIds(lowBack).contains("meadows-row"), mainIds(lowBack)::toString);
        lowBack.plan().progression().subList(1, 3).forEach(p -> assertFalse(
                p.changes().contains("supported row (this plan's Meadows") || p.changes().contains(
                        "not unsupported bent-over ones: this plan's Meadows"), p.changes()));
    }

    // Weeks 3-4 without a cable machine or dumbbells speak of home only when the plan's rows are home rows (or there
    // is none): a row machine's or a barbell's row is introduced to resistance where it is.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "resistance-band | Introduce resistance at home",
            "none            | Introduce resistance at home",
            "landmine        | Introduce resistance at home",
            "row-machine     | Introduce resistance",
            "barbell         | Introduce resistance" })
    void weeksThreeToFourSpeakOfHomeOnlyForHomeRows(String kit, String focus) {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of(kit)));
        assertEquals(focus, ev.plan().progression().get(1).focus());
        assertTrue(firedIn(ev, FILE).contains(P34_HOME), firedIn(ev, FILE)::toString);
    }

    // Seed 004's harder variations, only those the kit and findings allow and the plan does not already hold: no
    // renegade row (a loaded plank) with low back pain or without dumbbells, no band pull-aparts without a band, and
    // neither when the week already has it (near miss: the same kit with the move not yet planned names it).
    @ParameterizedTest(name = "{0}, low back pain {1}")
    @CsvSource(delimiter = '|', value = {
            "dumbbells resistance-band | false",
            "dumbbells resistance-band | true ",
            "dumbbells                 | false",
            "resistance-band           | false",
            "barbell squat-rack        | false" })
    void afterSixWeeksTheHarderVariationsAreOnesTheClientCanDo(String equipment, boolean lowBackPain) {
        List<String> kit = Arrays.asList(equipment.split(" "));
        Evaluation ev = evaluate(with(baseline(), "equipment", kit, "lowBackPain", lowBackPain));
        Evaluation.Progression step = ev.plan().progression().get(3);
        assertEquals("7+", step.weeks());
        Set<String> planned = RuleHarness.plannedIds(ev);
        boolean renegade = kit.contains("dumbbells") && !lowBackPain && !planned.contains("renegade-row");
        boolean pullAparts = kit.contains("resistance-band") && !planned.contains("band-pull-apart");
        assertEquals(renegade, step.changes().contains("renegade rows"), step.changes());
        assertEquals(pullAparts, step.changes().contains("band pull-aparts"), step.changes());
        assertEquals(!renegade && !pullAparts, step.changes().contains("of the moves you have"), step.changes());
        // The baseline lifter is intermediate: where the renegade row is left out as above-level today, the step names
        // it as the advanced move it is rather than contradicting `excluded`.
        boolean aboveLevel = RuleHarness.exclusionReasons(ev, "renegade-row").contains("above-level");
        assertEquals(renegade && aboveLevel,
                step.changes().contains("renegade rows (an advanced move: once the basics feel easy)"), step.changes());
        assertTrue(ev.firedRules().contains(P7));
    }

    // Near miss of the above: an advanced lifter has the renegade row in reach (the plan holds it), and the step never
    // calls it an advanced move to wait for.
    @Test
    void afterSixWeeksAnAdvancedLifterIsNotToldToWaitForRenegadeRows() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("dumbbells", "resistance-band", "bench"),
                "experience", "advanced"));
        assertFalse(RuleHarness.exclusionReasons(ev, "renegade-row").contains("above-level"));
        assertFalse(ev.plan().progression().get(3).changes().contains("advanced move"),
                ev.plan().progression().get(3).changes());
    }

    // A beginner whose only rows are bent over (a barbell alone) keeps them light in weeks 5-6 and adds weight on a
    // supported row instead; near miss: with a bench and dumbbells the step loads the supported row directly.
    @Test
    void weeksFiveToSixKeepABentOverRowLightWhenNoSupportedRowIsOpen() {
        String barbell = evaluate(with(baseline(), "equipment", List.of("barbell"), "experience", "beginner"))
                .plan().progression().get(2).changes();
        assertTrue(barbell.startsWith("Keep this plan's Barbell Row at a weight you control for every rep rather than "
                + "going heavy; add weight on a supported row instead ("), barbell);
        assertFalse(barbell.contains("rather than a bent-over heavy row"), barbell);
        String bench = evaluate(with(baseline(), "equipment", List.of("dumbbells", "bench"), "experience", "beginner"))
                .plan().progression().get(2).changes();
        assertTrue(bench.startsWith("Use slightly heavier weights on a supported row ("), bench);
    }

    @Test
    void afterSixWeeksAMoveThePlanAlreadyHoldsIsNoHarderVariation() {
        Evaluation band = evaluate(with(baseline(), "equipment", List.of("resistance-band"), "deskHoursPerDay", 8));
        assertTrue(RuleHarness.plannedIds(band).contains("band-pull-apart"), "the daily routine holds pull-aparts");
        assertFalse(band.plan().progression().get(3).changes().contains("band pull-aparts"));
    }

    // A strength goal already puts a heavy row in the plan: weeks 5-6 keep and load that one rather than add another.
    // Near miss: without a heavy row in the plan, weeks 5-6 add one.
    @Test
    void weeksFiveToSixKeepTheHeavyRowThePlanAlreadyHas() {
        Evaluation strength = evaluate(with(baseline(), "goal", "strength", "experience", "advanced", "daysPerWeek", 1));
        List<Item> heavies = mainItems(strength).stream()
                .filter(i -> exercise(i.exerciseId()).getTags().contains("heavy")).toList();
        // One heavy row a week (the barbell row and the Pendlay row are one movement pattern): that one is named.
        assertEquals(1, heavies.size(), RuleHarness.mainIds(strength).toString());
        String changes = strength.plan().progression().get(2).changes();
        assertTrue(changes.contains("Keep one heavy row (this plan's " + heavies.get(0).name() + ")"), changes);
        assertFalse(changes.contains("Include one heavy row"), changes);

        Evaluation posture = evaluate(with(baseline(), "goal", "posture", "equipment", List.of("dumbbells")));
        assertTrue(mainItems(posture).stream().noneMatch(i -> exercise(i.exerciseId()).getTags().contains("heavy")));
        assertTrue(posture.plan().progression().get(2).changes().contains("Include one heavy row variation"));
    }

    // Weeks 5-6 say how often to train within the days the client has.
    @ParameterizedTest(name = "{0} days, {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | intermediate | Keep your one mid-back session a week | 2-3 times",
            "2 | intermediate | Train the mid back twice a week | 2-3 times",
            "3 | intermediate | Train the mid back 2-3 times a week | one mid-back session",
            "3 | beginner     | Train the mid back twice a week | 2-3 times",
            "1 | beginner     | Keep your one mid-back session a week | twice" })
    void weeksFiveToSixTrainWithinTheDaysTheClientHas(int days, String experience, String has, String hasNot) {
        Evaluation ev = evaluate(with(baseline(), "daysPerWeek", days, "experience", experience));
        assertText(ev.plan().progression().get(2).changes(), has, hasNot);
    }

    // A bodyweight move has no weight to lighten: a beginner's bodyweight items get their own start-light cue.
    @Test
    void beginnersBodyweightMovesStartEasyNotLight() {
        Evaluation ev = evaluate(with(baseline(), "equipment", List.of("none"), "experience", "beginner"));
        for (Item i : mainItems(ev)) {
            assertTrue(i.cues().contains(BODYWEIGHT_CUE), i.exerciseId());
            assertFalse(light(i), i.exerciseId());
        }
        assertFired(ev, FILE, BODYWEIGHT, SQUEEZE, P12, P34_HOME, P56_SUPPORTED, P7);
        assertNotFired(ev, FILE, LIGHT);
    }

    // A move whose load is the body (tagged `bodyweight`: a dead hang from a bar, an inverted row under a bar, a prone
    // Y-raise on a bench) gets the bodyweight cue even though it needs kit; near miss: a loaded move with the same
    // client keeps the weight-or-band cue.
    @Test
    void aBodyweightMoveThatNeedsKitStartsEasyNotLight() {
        Evaluation ev = evaluate(with(baseline(), "experience", "beginner", "daysPerWeek", 3,
                "equipment", List.of("pull-up-bar", "bench", "dumbbells"), "gripFatigue", true, "forwardHeadPosture", true));
        int bodyweight = 0;
        int loaded = 0;
        for (Item i : mainItems(ev)) {
            Exercise e = exercise(i.exerciseId());
            boolean body = e.getEquipment().isEmpty() || e.getTags().contains("bodyweight");
            assertEquals(body, i.cues().contains(BODYWEIGHT_CUE), i.exerciseId());
            assertEquals(!body, i.cues().contains(LIGHT_CUE), i.exerciseId());
            assertFalse(i.cues().contains(LIGHT_BAND_CUE), "no band in this kit: " + i.exerciseId());
            bodyweight += body && !e.getEquipment().isEmpty() ? 1 : 0;
            loaded += body ? 0 : 1;
        }
        assertTrue(bodyweight > 0, "a bodyweight move that needs kit is planned: " + RuleHarness.mainIds(ev));
        assertTrue(loaded > 0, "a loaded move is planned too: " + RuleHarness.mainIds(ev));
    }

    // Weeks 3-4 name the rows plainly: no doubled parentheses.
    @Test
    void weeksThreeToFourReadPlainly() {
        String changes = evaluate(baseline()).plan().progression().get(1).changes();
        assertTrue(changes.contains("neutral-grip bent-over dumbbell rows 3x8-10, in place of other main work where the "
                + "week would pass 12 working sets"), changes);
        assertFalse(changes.contains(") ("), changes);
    }

    private static void assertText(String text, String has, String hasNot) {
        for (String part : has.split(";")) {
            assertTrue(text.contains(part), () -> "'" + part + "' missing from: " + text);
        }
        if (!hasNot.equals("-")) {
            for (String part : hasNot.split(";")) {
                assertFalse(text.contains(part), () -> "'" + part + "' should not be in: " + text);
            }
        }
    }

    // Seed 001's pre-fatigue tip names face pulls or band retractions: with a barbell only, the barbell row drops it
    // and keeps the squeezes before every set; with a cable machine and no band it names cable face pulls alone; near
    // miss: a resistance band keeps the tip as it is.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "barbell                 | -",
        "barbell resistance-band | A set of face pulls or band retractions beforehand (pre-fatigue) helps you feel the mid back doing the work",
        "barbell cable-machine   | A set of cable face pulls beforehand (pre-fatigue) helps you feel the mid back doing the work" })
    void thePreFatigueTipNamesOnlyKitTheClientHas(String kit, String tip) {
        Evaluation ev = evaluate(with(baseline(), "weakDeadlift", true, "goal", "strength",
                "equipment", List.of(kit.split(" "))));
        Item row = item(ev, "barbell-row");
        List<String> tips = row.cues().stream().filter(c -> c.contains("(pre-fatigue)")).toList();
        assertEquals(tip.equals("-") ? List.of() : List.of(tip), tips, row.cues()::toString);
        assertTrue(row.cues().contains(SQUEEZE_CUE), row.cues()::toString);
        assertEquals(!kit.contains("resistance-band"), firedIn(ev, FILE).contains(PRE_FATIGUE), firedIn(ev, FILE)::toString);
    }

    // With low back pain and only a barbell in a rack, the plan's row is the inverted row: weeks 3-4 and 5-6 progress it
    // by lowering the bar (000) rather than only pointing to a band the client lacks; near miss: with a full gym the
    // inverted row is not planned and not named.
    @Test
    void lowBackPainProgressesAnInvertedRowThePlanHolds() {
        Map<String, Object> rack = with(baseline(), "lowBackPain", true, "equipment", List.of("barbell", "squat-rack"));
        Evaluation ev = evaluate(rack);
        assertTrue(mainIds(ev).contains("inverted-row"), mainIds(ev)::toString);
        String weeks34 = ev.plan().progression().get(1).changes();
        String weeks56 = ev.plan().progression().get(2).changes();
        assertTrue(weeks34.contains("not unsupported bent-over ones: this plan's inverted rows 3x8-10, the bar a notch "
                + "lower once 10 come easily; within"), weeks34);
        assertTrue(weeks56.contains("on a supported row (this plan's inverted row, the bar a notch lower)"), weeks56);
        assertTrue(firedIn(ev, FILE).containsAll(List.of(P34_LOW_BACK, P56_SUPPORTED)), firedIn(ev, FILE)::toString);

        Evaluation gym = evaluate(with(baseline(), "lowBackPain", true));
        assertFalse(mainIds(gym).contains("inverted-row"), mainIds(gym)::toString);
        gym.plan().progression().forEach(p -> assertFalse(p.changes().contains("inverted"), p.changes()));
    }

    // Weeks 5-6 list the supported rows with semicolons, as their names hold commas ("chest on the bench"), the last
    // after "or"; near miss: a single row is named alone.
    @Test
    void weeksFiveToSixSetTheSupportedRowsApart() {
        String many = evaluate(with(baseline(), "lowBackPain", true, "equipment",
                List.of("dumbbells", "bench", "resistance-band"))).plan().progression().get(2).changes();
        assertTrue(many.contains("(an incline dumbbell row, chest on the bench; a single-arm dumbbell row, the free hand "
                + "braced on a bench or chair; or a seated band row)"), many);
        String one = evaluate(with(baseline(), "lowBackPain", true, "equipment", List.of("resistance-band")))
                .plan().progression().get(2).changes();
        assertTrue(one.contains("on a supported row (a seated band row) rather than"), one);
    }

    // Starting light (a beginner) or keeping every set light (neck pain of 6/10 or more) takes the place of the
    // catalogue's "moderate weight" cue with plain control; near misses: an intermediate lifter without neck pain keeps
    // it, and so does neck pain of 5/10.
    @ParameterizedTest(name = "{0}, neck pain {1}")
    @CsvSource({ "beginner, 0, false", "intermediate, 0, true", "intermediate, 5, true", "intermediate, 7, false",
            "advanced, 10, false" })
    void aLightStartOrNeckPainReplacesTheModerateWeightCue(String level, int neck, boolean moderate) {
        Map<String, Object> answers = with(baseline(), "experience", level, "equipment", List.of("barbell", "dumbbells",
                "cable-machine", "row-machine", "bench", "resistance-band"));
        if (neck > 0) {
            answers = with(answers, "neckPain", true, "neckPainSeverity", neck);
        }
        Evaluation ev = evaluate(answers);
        List<Item> loaded = mainItems(ev).stream().filter(i -> exercise(i.exerciseId()).getCues().stream()
                .anyMatch(c -> c.startsWith("Moderate weight") || c.startsWith("A band of moderate")
                        || c.startsWith("Heavier than"))).toList();
        assertFalse(loaded.isEmpty(), RuleHarness.mainIds(ev)::toString);
        for (Item i : loaded) {
            boolean keeps = i.cues().stream().anyMatch(c -> c.startsWith("Moderate weight")
                    || c.startsWith("A band of moderate") || c.startsWith("Heavier than"));
            assertEquals(moderate, keeps, i.exerciseId() + " " + i.cues());
            assertEquals(moderate ? 0 : 1, i.cues().stream().filter("Full control: no bouncing or swinging"::equals)
                    .count(), i.exerciseId() + " " + i.cues());
        }
    }

    // With pain on lifting the arms, the wall angel (the posture move without equipment) slides only in the pain-free
    // range, and that cue takes the place of the catalogue's plainer one; near miss: without the pain it keeps its own.
    @Test
    void shoulderPainKeepsWallAngelsInThePainFreeRange() {
        String plain = "Slide only as far as you can while keeping contact and without pain";
        Map<String, Object> none = with(baseline(), "equipment", List.of("none"));
        Evaluation pinch = evaluate(with(none, "shoulderPainOverhead", true));
        Item angel = item(pinch, "wall-angel");
        assertTrue(angel.cues().contains(WALL_ANGEL_CUE), angel.cues()::toString);
        assertFalse(angel.cues().contains(plain), angel.cues()::toString);
        assertTrue(firedIn(pinch, FILE).contains(WALL_ANGEL), firedIn(pinch, FILE)::toString);
        Evaluation free = evaluate(none);
        Item own = item(free, "wall-angel");
        assertTrue(own.cues().contains(plain) && !own.cues().contains(WALL_ANGEL_CUE), own.cues()::toString);
        assertNotFired(free, FILE, WALL_ANGEL);
    }

    // With pain on lifting the arms, face pulls start with the elbows below shoulder height instead of the catalogue's
    // elbows-high cues; near miss: without the pain they keep them.
    @Test
    void shoulderPainLowersTheFacePullsElbows() {
        String cue = "With your shoulder pain: elbows below shoulder height to begin with, pulling toward the chin, and "
                + "stop short of any pinch";
        String rule = "Dosage: with shoulder pain overhead, face pulls start with the elbows below shoulder height";
        Evaluation pinch = evaluate(with(baseline(), "shoulderPainOverhead", true));
        List<Item> pulls = mainItems(pinch).stream()
                .filter(i -> exercise(i.exerciseId()).getTags().contains("face-pull")).toList();
        assertFalse(pulls.isEmpty(), RuleHarness.mainIds(pinch)::toString);
        pulls.forEach(i -> {
            assertTrue(i.cues().contains(cue), i.cues()::toString);
            assertFalse(i.cues().stream().anyMatch(c -> c.contains("elbows up")), i.cues()::toString);
        });
        assertTrue(firedIn(pinch, FILE).contains(rule));
        Evaluation free = evaluate(baseline());
        mainItems(free).stream().filter(i -> exercise(i.exerciseId()).getTags().contains("face-pull")).forEach(i ->
                assertTrue(i.cues().stream().anyMatch(c -> c.contains("elbows up")) && !i.cues().contains(cue)));
        assertNotFired(free, FILE, rule);
    }

    // Near miss: a referral has no dosage and no progression.
    @Test
    void aReferralHasNoDosageOrProgression() {
        assertFired(evaluate(with(baseline(), "sharpOrWorseningPain", true, "upperTrapDominance", true)), FILE);
    }

    static boolean light(Item i) {
        return i.cues().contains(LIGHT_CUE) || i.cues().contains(LIGHT_BAND_CUE);
    }

    static Item item(Evaluation ev, String id) {
        return mainItems(ev).stream().filter(i -> i.exerciseId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the main block: " + RuleHarness.mainIds(ev)));
    }
}
