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

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluation.Session;

/** routine/session-routine.drl: every session's dynamic warm-up and its 3-5 static stretches. */
class SessionRoutineRulesTest {

    static final String FILE = "posturecoach/routine/session-routine.drl";
    static final String DYNAMIC = "Warm-up: five minutes of shoulder rolls, arm circles, neck rolls and cat-cow";
    static final String OVERHEAD = "Warm-up: restricted overhead reach adds the overhead arm reach";
    static final String ROLLER = "Warm-up: a stiff mid back adds thoracic extension over a foam roller";
    static final String NO_ROLLER = "Warm-up: a stiff mid back without a foam roller adds seated thoracic extension";
    static final String ROTATION = "Warm-up: a stiff mid back adds thoracic rotation";
    static final String SIDE_BEND = "Warm-up: a stiff mid back adds the thoracic side bend";
    static final String SQUEEZES = "Warm-up: scapular squeezes before the first mid-back set";
    static final String CHIN_TUCKS = "Warm-up: significant neck pain swaps neck rolls for gentle chin tucks";
    static final String STRETCHES = "Cool-down: stretch the chest, the mid back and between the shoulder blades";
    static final String NECK = "Cool-down: neck pain, a forward head or busy upper traps add neck stretches";
    static final String SPHINX = "Cool-down: a stiff mid back holds the sphinx pose";
    static final String TWIST = "Cool-down: a stiff mid back holds the seated twist";
    static final String TWIST_GOAL = "Cool-down: a mobility goal holds the seated twist";
    static final String ACHE_SPHINX = "Cool-down: an achy mid back holds the sphinx pose";
    static final String ACHE_TWIST = "Cool-down: an achy mid back holds the seated twist";
    static final String WARMUP_LAYOUT = "Warm-up: every session opens with the chosen warm-up, dynamic moves first";
    static final String COOLDOWN_LAYOUT = "Cool-down: every session ends with 3 to 5 static stretches";
    static final List<String> ARMS_UP_CUES = List.of("Reach the arms forward to lengthen the upper and mid back",
            "Hands behind the head add a chest stretch", "Lift the elbow up rather than crunching down",
            "Look up toward the raised elbow to keep the back straight");
    static final String CAT_COW = "Warm-up: with shoulder pain overhead, cat-cow leaves out the arm reaches";
    static final String DOORWAY = "Cool-down and daily: with shoulder pain overhead, the doorway stretch keeps the "
            + "elbows below the shoulders";
    static final String ARMS_LOW = "Warm-up and cool-down: with shoulder pain overhead, stretches and drills keep the arms low";
    static final String ARMS_LOW_CUE = "With your shoulder pain: keep the arms low, hands crossed on the chest or by your sides, "
            + "and stop short of any pinch";
    static final String MOBILITY_GOAL = "Warm-up: a mobility goal adds thoracic rotation";
    static final String SIDE_BEND_GOAL = "Cool-down: a mobility goal holds the standing side bend";
    static final String SIDE_BEND_WARMUP_GOAL = "Warm-up: a mobility goal adds the thoracic side bend";
    static final String KNEE_TO_CHEST = "Warm-up: low back pain adds knee to chest";
    static final String WHOLE_BODY = "Cool-down: a mobility goal holds the lunge with rotation and the triangle pose "
            + "in the second session, in place of the seated twist and the standing side bend";
    static final String NO_HAND_PULL = "Cool-down: significant neck pain takes the hand pull out of the neck stretches";
    static final String NO_HAND_PULL_CUE = "With your neck pain: no pull from the hand; let the head's own weight give a "
            + "mild stretch";
    static final String FIVE_MINUTES_CUE = "About 5 minutes of dynamic moves in all: repeat the round, moving easily";

    @Test
    void everySessionWarmsUpDynamicallyAndEndsWithStaticStretches() {
        Evaluation ev = evaluate(baseline());
        for (Session s : ev.plan().sessions()) {
            assertEquals(List.of("shoulder-rolls", "arm-circles", "neck-rolls", "cat-cow", "scapular-squeeze"), ids(s.warmup()));
            assertEquals(List.of("doorway-pec-stretch", "childs-pose", "rhomboid-stretch", "butterfly-stretch"), ids(s.cooldown()));
            s.cooldown().forEach(i -> assertEquals("stretch", i.category()));
            // The cool-down's place after the workout is seed 004's (seed 002 would stretch first): every item cites 004.
            s.cooldown().forEach(i -> assertEquals("004_9c521a0d8171154b.txt", i.explanation().source(), i.exerciseId()));
            // Seed 004's five minutes: each dynamic move says so; near miss: the scapular squeezes are no dynamic move.
            for (var i : s.warmup()) {
                assertEquals(!i.exerciseId().equals("scapular-squeeze"), i.cues().contains(FIVE_MINUTES_CUE), i.exerciseId());
            }
        }
        assertFired(ev, FILE, DYNAMIC, SQUEEZES, STRETCHES, WARMUP_LAYOUT, COOLDOWN_LAYOUT);
    }

    @Test
    void aStiffMidBackWithAFoamRollerAddsThoracicDrillsAndTheSphinx() {
        Evaluation ev = evaluate(with(baseline(), "midBackStiffness", true));
        Session s = ev.plan().sessions().get(0);
        assertEquals(List.of("shoulder-rolls", "arm-circles", "neck-rolls", "cat-cow",
                "foam-roller-thoracic-extension", "thoracic-rotation", "thoracic-side-bend", "scapular-squeeze"),
                ids(s.warmup()));
        // The sphinx extends and the seated twist (003) holds the rotation; the twist takes the butterfly stretch's place.
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "sphinx-pose", "seated-twist", "rhomboid-stretch"),
                ids(s.cooldown()));
        Evaluation.Item twist = s.cooldown().get(3);
        assertEquals(TWIST, twist.explanation().rule());
        assertEquals(List.of("thoracic-stiffness"), twist.explanation().because());
        assertEquals("003_17a4e10b70469bc4.txt", twist.explanation().source());
        assertEquals("stretch", twist.category());
        // The rotation and the side bend, with their holds, are seed 002's exercises: the items cite 002.
        s.warmup().stream().filter(i -> i.exerciseId().startsWith("thoracic-r") || i.exerciseId().startsWith("thoracic-s"))
                .forEach(i -> assertEquals("002_b1424eedc4a0728c.txt", i.explanation().source(), i.exerciseId()));
        assertFired(ev, FILE, DYNAMIC, ROLLER, ROTATION, SIDE_BEND, SQUEEZES, STRETCHES, SPHINX, TWIST, WARMUP_LAYOUT,
                COOLDOWN_LAYOUT);
    }

    // Near miss for the foam roller: without one, the drill is done seated.
    @Test
    void aStiffMidBackWithoutAFoamRollerExtendsSeated() {
        Evaluation ev = evaluate(with(baseline(), "midBackStiffness", true, "equipment", List.of("dumbbells")));
        List<String> warmup = ids(ev.plan().sessions().get(0).warmup());
        assertTrue(warmup.contains("thoracic-extension"));
        assertFalse(warmup.contains("foam-roller-thoracic-extension"));
        assertFired(ev, FILE, DYNAMIC, NO_ROLLER, ROTATION, SIDE_BEND, SQUEEZES, STRETCHES, SPHINX, TWIST, WARMUP_LAYOUT,
                COOLDOWN_LAYOUT);
    }

    // Seed 003's achy mid back: stretch it (extend and rotate) as well as strengthen. Near misses: without stiffness the
    // warm-up's thoracic drills stay out (cat-cow moves the mid back); with stiffness too, only the stiffness rules fire
    // (each stretch once, named for the stiffness); without the ache, neither stretch.
    @Test
    void anAchyMidBackHoldsTheSphinxAndTheSeatedTwist() {
        Evaluation ev = evaluate(with(baseline(), "midBackPain", true));
        for (Session s : ev.plan().sessions()) {
            assertEquals(List.of("shoulder-rolls", "arm-circles", "neck-rolls", "cat-cow", "scapular-squeeze"),
                    ids(s.warmup()));
            assertEquals(List.of("doorway-pec-stretch", "childs-pose", "sphinx-pose", "seated-twist", "rhomboid-stretch"),
                    ids(s.cooldown()));
            for (Evaluation.Item held : s.cooldown().subList(2, 4)) {
                assertEquals(held.exerciseId().equals("sphinx-pose") ? ACHE_SPHINX : ACHE_TWIST,
                        held.explanation().rule());
                assertEquals(List.of("mid-back-pain"), held.explanation().because());
                assertEquals("003_17a4e10b70469bc4.txt", held.explanation().source());
            }
        }
        // The butterfly stretch (hips) gives up its place: named as waiting for a full cool-down, not as not needed.
        assertTrue(ev.excluded().stream().anyMatch(x -> x.exerciseId().equals("butterfly-stretch")
                && x.reason().equals("cooldown-full")), ev.excluded()::toString);
        assertFired(ev, FILE, DYNAMIC, SQUEEZES, STRETCHES, ACHE_SPHINX, ACHE_TWIST, WARMUP_LAYOUT, COOLDOWN_LAYOUT);

        Evaluation both = evaluate(with(baseline(), "midBackPain", true, "midBackStiffness", true));
        List<Evaluation.Item> cooldown = both.plan().sessions().get(0).cooldown();
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "sphinx-pose", "seated-twist", "rhomboid-stretch"),
                ids(cooldown));
        assertEquals(SPHINX, cooldown.get(2).explanation().rule());
        assertEquals(TWIST, cooldown.get(3).explanation().rule());
        assertNotFired(both, FILE, ACHE_SPHINX);
        assertNotFired(both, FILE, ACHE_TWIST);

        Evaluation goal = evaluate(with(baseline(), "midBackPain", true, "goal", "mobility"));
        assertEquals(ACHE_TWIST, goal.plan().sessions().get(0).cooldown().stream()
                .filter(i -> i.exerciseId().equals("seated-twist")).findFirst().orElseThrow().explanation().rule());
        assertNotFired(goal, FILE, TWIST_GOAL);

        Evaluation none = evaluate(with(baseline(), "midBackPain", false));
        assertFalse(ids(none.plan().sessions().get(0).cooldown()).contains("sphinx-pose"));
        assertNotFired(none, FILE, ACHE_SPHINX);
        assertNotFired(none, FILE, ACHE_TWIST);
    }

    @Test
    void neckPainAddsNeckStretchesAndSignificantNeckPainDropsNeckRolls() {
        Evaluation ev = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", 6, "midBackStiffness", true));
        Session s = ev.plan().sessions().get(0);
        assertFalse(ids(s.warmup()).contains("neck-rolls"), "neck rolls are contraindicated at 6/10");
        // Gentle chin tucks take their place, where the neck rolls were (after the arm circles).
        assertEquals(List.of("shoulder-rolls", "arm-circles", "chin-tuck", "cat-cow"), ids(s.warmup()).subList(0, 4));
        assertEquals("warmup", s.warmup().get(0).category());
        // Eight stretches are called for; the five lowest ranks are kept (the seated twist waits).
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "sphinx-pose", "upper-trap-stretch",
                "levator-scapulae-stretch"), ids(s.cooldown()));
        // The levator stretch loses its hand pull: the head's own weight gives the stretch.
        Evaluation.Item levator = s.cooldown().get(4);
        assertFalse(levator.cues().contains("Use the hand for only a light extra pull"), levator.cues()::toString);
        assertTrue(levator.cues().contains(NO_HAND_PULL_CUE), levator.cues()::toString);
        // Near miss (found by a review): the chin tuck is an active glide, not a stretch: no such cue.
        assertFalse(s.warmup().get(2).cues().contains(NO_HAND_PULL_CUE), s.warmup().get(2).cues()::toString);
        assertFired(ev, FILE, DYNAMIC, CHIN_TUCKS, ROLLER, ROTATION, SIDE_BEND, SQUEEZES, STRETCHES, NECK, SPHINX,
                TWIST, WARMUP_LAYOUT, COOLDOWN_LAYOUT, NO_HAND_PULL);
        // Near miss: mild neck pain keeps the neck rolls, no chin tucks in the warm-up, and the light hand pull.
        Evaluation mild = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", 5));
        assertTrue(ids(mild.plan().sessions().get(0).warmup()).contains("neck-rolls"));
        assertFalse(ids(mild.plan().sessions().get(0).warmup()).contains("chin-tuck"));
        assertNotFired(mild, FILE, CHIN_TUCKS);
        assertNotFired(mild, FILE, NO_HAND_PULL);
        assertTrue(mild.plan().sessions().get(0).cooldown().stream().filter(i -> i.exerciseId().equals(
                "levator-scapulae-stretch")).allMatch(i -> i.cues().contains("Use the hand for only a light extra pull")));
    }

    // The neck stretches are explained by every neck finding present, not just one; near miss: a forward head alone
    // names only itself.
    @Test
    void theNeckStretchesNameEveryNeckFindingBehindThem() {
        Evaluation all = evaluate(with(baseline(), "neckPain", true, "neckPainSeverity", 3, "forwardHeadPosture", true,
                "upperTrapDominance", true));
        for (Session s : all.plan().sessions()) {
            Evaluation.Item stretch = s.cooldown().stream().filter(i -> i.exerciseId().equals("upper-trap-stretch"))
                    .findFirst().orElseThrow();
            assertEquals(NECK, stretch.explanation().rule());
            assertEquals(List.of("forward-head-posture", "neck-pain", "upper-trap-dominance"),
                    stretch.explanation().because());
        }
        Evaluation head = evaluate(with(baseline(), "forwardHeadPosture", true));
        Evaluation.Item stretch = head.plan().sessions().get(0).cooldown().stream()
                .filter(i -> i.exerciseId().equals("levator-scapulae-stretch")).findFirst().orElseThrow();
        assertEquals(List.of("forward-head-posture"), stretch.explanation().because());
        assertNotFired(evaluate(baseline()), FILE, NECK);
    }

    @Test
    void restrictedOverheadReachAddsTheOverheadReachUnlessTheShoulderPinches() {
        Evaluation ev = evaluate(with(baseline(), "overheadRestriction", true));
        assertTrue(ids(ev.plan().sessions().get(0).warmup()).contains("overhead-reach"));
        assertFired(ev, FILE, DYNAMIC, OVERHEAD, SQUEEZES, STRETCHES, WARMUP_LAYOUT, COOLDOWN_LAYOUT);
        // Near miss: shoulder pain overhead contraindicates the reach.
        Evaluation pinch = evaluate(with(baseline(), "overheadRestriction", true, "shoulderPainOverhead", true));
        assertFalse(ids(pinch.plan().sessions().get(0).warmup()).contains("overhead-reach"));
        assertFired(pinch, FILE, DYNAMIC, SQUEEZES, STRETCHES, WARMUP_LAYOUT, COOLDOWN_LAYOUT, ARMS_LOW, DOORWAY, CAT_COW);
    }

    // With shoulder pain on lifting the arms, the drills and stretches that raise them (side bend: elbow to the
    // ceiling; rotation and foam roller: hands behind the head; child's pose: arms forward) are done with the arms low.
    // Near miss: without the shoulder pain the same items carry no such cue, and the dynamic warm-up never does.
    @Test
    void shoulderPainOverheadKeepsTheArmsLowInStretchesAndDrills() {
        Evaluation pinch = evaluate(with(baseline(), "shoulderPainOverhead", true, "midBackStiffness", true));
        Session first = pinch.plan().sessions().get(0);
        List<Evaluation.Item> routine = new java.util.ArrayList<>(first.warmup());
        routine.addAll(first.cooldown());
        int armsOverhead = 0;
        for (Evaluation.Item i : routine) {
            boolean raised = RuleHarness.exercise(i.exerciseId()).getTags().contains("arms-overhead");
            assertEquals(raised, i.cues().contains(ARMS_LOW_CUE), i.exerciseId());
            // The arms-low cue takes the place of the arms-up ones; it does not stand beside them.
            assertFalse(i.cues().stream().anyMatch(ARMS_UP_CUES::contains), i.exerciseId() + " " + i.cues());
            armsOverhead += raised ? 1 : 0;
        }
        assertTrue(armsOverhead >= 3, "side bend, rotation, foam roller or child's pose planned: " + ids(routine));
        assertFired(pinch, FILE, DYNAMIC, ROLLER, ROTATION, SIDE_BEND, SQUEEZES, STRETCHES, SPHINX, TWIST, WARMUP_LAYOUT,
                COOLDOWN_LAYOUT, ARMS_LOW, DOORWAY, CAT_COW);
        Evaluation free = evaluate(with(baseline(), "midBackStiffness", true));
        free.plan().sessions().forEach(s -> s.cooldown().forEach(i -> assertFalse(i.cues().contains(ARMS_LOW_CUE))));
        // Near miss: without the pain the stretches keep their own arms-up cues.
        assertTrue(free.plan().sessions().stream().flatMap(s -> java.util.stream.Stream.concat(s.warmup().stream(),
                s.cooldown().stream())).anyMatch(i -> i.cues().stream().anyMatch(ARMS_UP_CUES::contains)));
        assertNotFired(free, FILE, ARMS_LOW);
        // Found by a clinician's review: without a foam roller the seated thoracic extension (hands behind the head)
        // kept the hands up; it is an arms-overhead drill too.
        Evaluation seated = evaluate(with(baseline(), "shoulderPainOverhead", true, "midBackStiffness", true,
                "equipment", List.of("dumbbells")));
        Evaluation.Item extension = seated.plan().sessions().get(0).warmup().stream()
                .filter(i -> i.exerciseId().equals("thoracic-extension")).findFirst().orElseThrow();
        assertTrue(extension.cues().contains(ARMS_LOW_CUE), extension.cues()::toString);
    }

    // Shoulder pain overhead: the doorway chest stretch, wherever planned (cool-down, daily), keeps the elbows below
    // the shoulders; near miss: without the pain it carries no such cue and the rule does not fire.
    @Test
    void shoulderPainKeepsTheDoorwayStretchBelowShoulderHeight() {
        String cue = "With your shoulder pain: forearms lower on the frame, elbows below shoulder height, and stop short "
                + "of any pinch";
        String rule = DOORWAY;
        Evaluation pinch = evaluate(with(baseline(), "shoulderPainOverhead", true, "deskHoursPerDay", 8));
        List<Evaluation.Item> doorway = RuleHarness.allItems(pinch.plan())
                .filter(i -> i.exerciseId().equals("doorway-pec-stretch")).toList();
        assertFalse(doorway.isEmpty());
        doorway.forEach(i -> assertTrue(i.cues().contains(cue), i.cues()::toString));
        assertTrue(RuleHarness.firedIn(pinch, FILE).contains(rule));
        // Cat-cow leaves out its optional arm reaches with the same pain.
        pinch.plan().sessions().forEach(s -> s.warmup().stream().filter(i -> i.exerciseId().equals("cat-cow"))
                .forEach(i -> assertFalse(i.cues().contains("Adding arm reaches makes it a thoracic drill"))));
        Evaluation free = evaluate(with(baseline(), "deskHoursPerDay", 8));
        assertTrue(free.plan().sessions().get(0).warmup().stream().filter(i -> i.exerciseId().equals("cat-cow"))
                .allMatch(i -> i.cues().contains("Adding arm reaches makes it a thoracic drill")));
        assertNotFired(free, FILE, CAT_COW);
        RuleHarness.allItems(free.plan()).forEach(i -> assertFalse(i.cues().contains(cue), i.exerciseId()));
        assertNotFired(free, FILE, rule);
    }

    // Low back pain: the moves that arch the back (here the sphinx pose of the cool-down and the prone back extension
    // of the main block) rise only partway and stop if the low back aches; near miss: a stiff mid back without low back
    // pain holds the sphinx pose as the catalogue says.
    @Test
    void lowBackPainKeepsBackExtensionsPartway() {
        String cue = "With low back pain: rise only partway, and ease off or skip it if the low back aches";
        String rule = "Main and cool-down: with low back pain, back extensions rise only partway and stop if the low "
                + "back aches";
        Evaluation ev = evaluate(with(baseline(), "lowBackPain", true, "midBackStiffness", true,
                "equipment", List.of("none")));
        List<Evaluation.Item> arched = RuleHarness.allItems(ev.plan())
                .filter(i -> RuleHarness.exercise(i.exerciseId()).getTags().contains("spine-extension")).toList();
        assertTrue(arched.stream().anyMatch(i -> i.exerciseId().equals("sphinx-pose")), ids(arched)::toString);
        arched.forEach(i -> assertTrue(i.cues().contains(cue), i.exerciseId()));
        RuleHarness.allItems(ev.plan()).filter(i -> !arched.contains(i))
                .forEach(i -> assertFalse(i.cues().contains(cue), i.exerciseId()));
        assertTrue(RuleHarness.firedIn(ev, FILE).contains(rule));
        Evaluation stiff = evaluate(with(baseline(), "midBackStiffness", true, "equipment", List.of("none")));
        RuleHarness.allItems(stiff.plan()).forEach(i -> assertFalse(i.cues().contains(cue), i.exerciseId()));
        assertNotFired(stiff, FILE, rule);
    }

    // A mobility goal rotates the mid back in every warm-up and holds the seated twist and the standing side bend in
    // the first cool-down (the second session's are in the next test), explained by the goal; near misses: another
    // goal adds neither, and with a stiff mid back the stiffness rules add them (once), not these.
    @Test
    void aMobilityGoalAddsThoracicRotation() {
        Evaluation ev = evaluate(with(baseline(), "goal", "mobility"));
        assertEquals(2, ev.plan().sessions().size());
        for (Session s : ev.plan().sessions()) {
            Evaluation.Item rotation = s.warmup().stream().filter(i -> i.exerciseId().equals("thoracic-rotation"))
                    .findFirst().orElseThrow(() -> new AssertionError("no rotation on day " + s.day()));
            assertEquals(MOBILITY_GOAL, rotation.explanation().rule());
            assertEquals(List.of("goal"), rotation.explanation().because());
            Evaluation.Item bend = s.warmup().stream().filter(i -> i.exerciseId().equals("thoracic-side-bend"))
                    .findFirst().orElseThrow(() -> new AssertionError("no side bend on day " + s.day()));
            assertEquals(SIDE_BEND_WARMUP_GOAL, bend.explanation().rule());
            assertEquals(List.of("goal"), bend.explanation().because());
        }
        // Seed 003's "extend, side-bend, and rotate": the side bend takes the butterfly stretch's (hips) place.
        Session first = ev.plan().sessions().get(0);
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "seated-twist", "standing-side-bend",
                "rhomboid-stretch"), ids(first.cooldown()));
        assertEquals(TWIST_GOAL, first.cooldown().get(2).explanation().rule());
        assertEquals(List.of("goal"), first.cooldown().get(2).explanation().because());
        assertEquals(SIDE_BEND_GOAL, first.cooldown().get(3).explanation().rule());
        assertEquals("003_17a4e10b70469bc4.txt", first.cooldown().get(3).explanation().source());
        assertFired(ev, FILE, DYNAMIC, MOBILITY_GOAL, SIDE_BEND_WARMUP_GOAL, SQUEEZES, STRETCHES, TWIST_GOAL,
                SIDE_BEND_GOAL, WARMUP_LAYOUT, COOLDOWN_LAYOUT, WHOLE_BODY);
        Evaluation posture = evaluate(with(baseline(), "goal", "posture"));
        assertFalse(ids(posture.plan().sessions().get(0).warmup()).contains("thoracic-rotation"));
        assertFalse(ids(posture.plan().sessions().get(0).cooldown()).contains("seated-twist"));
        assertNotFired(posture, FILE, SIDE_BEND_GOAL);
        Evaluation stiff = evaluate(with(baseline(), "goal", "mobility", "midBackStiffness", true));
        assertEquals(1, stiff.plan().sessions().get(0).warmup().stream()
                .filter(i -> i.exerciseId().equals("thoracic-rotation")).count());
        assertNotFired(stiff, FILE, MOBILITY_GOAL);
        assertEquals(1, stiff.plan().sessions().get(0).cooldown().stream()
                .filter(i -> i.exerciseId().equals("seated-twist")).count());
        assertNotFired(stiff, FILE, TWIST_GOAL);
    }

    // Seed 003's combination whole-body stretches: a mobility goal's second session holds the lunge with rotation and
    // the triangle pose where the first holds the seated twist and the standing side bend, with the catalogue doses,
    // explained by the goal (source 003), and neither is listed as left out. Near misses: a one-session week keeps the
    // twist and the side bend; a posture goal with a stiff mid back keeps the twist in both sessions; neither fires
    // the rule.
    @Test
    void aMobilityGoalHoldsTheWholeBodyStretchesInTheSecondSession() {
        Evaluation ev = evaluate(with(baseline(), "goal", "mobility"));
        List<Session> sessions = ev.plan().sessions();
        assertEquals(2, sessions.size());
        List<Evaluation.Item> second = sessions.get(1).cooldown();
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "lunge-with-rotation", "triangle-pose",
                "rhomboid-stretch"), ids(second));
        for (Evaluation.Item held : second.subList(2, 4)) {
            assertEquals(WHOLE_BODY, held.explanation().rule());
            assertEquals(List.of("goal"), held.explanation().because());
            assertEquals("003_17a4e10b70469bc4.txt", held.explanation().source());
            assertEquals("stretch", held.category());
            assertTrue(held.perSide());
        }
        assertEquals(Integer.valueOf(15), second.get(2).holdSeconds());
        assertEquals(3, second.get(2).sets());
        assertEquals(Integer.valueOf(30), second.get(3).holdSeconds());
        assertEquals(1, second.get(3).sets());
        List<String> whole = List.of("lunge-with-rotation", "triangle-pose");
        assertTrue(ev.excluded().stream().noneMatch(x -> whole.contains(x.exerciseId())), ev.excluded()::toString);

        Evaluation oneDay = evaluate(with(baseline(), "goal", "mobility", "daysPerWeek", 1));
        assertEquals(1, oneDay.plan().sessions().size());
        assertEquals(List.of("doorway-pec-stretch", "childs-pose", "seated-twist", "standing-side-bend",
                "rhomboid-stretch"), ids(oneDay.plan().sessions().get(0).cooldown()));
        assertNotFired(oneDay, FILE, WHOLE_BODY);
        Evaluation stiff = evaluate(with(baseline(), "goal", "posture", "midBackStiffness", true));
        for (Session s : stiff.plan().sessions()) {
            assertTrue(ids(s.cooldown()).contains("seated-twist"), s.cooldown()::toString);
            assertTrue(Collections.disjoint(whole, ids(s.cooldown())), s.cooldown()::toString);
        }
        assertNotFired(stiff, FILE, WHOLE_BODY);
    }

    // With shoulder pain overhead the standing side bend (arms held overhead) is contraindicated: the mobility goal's
    // cool-down keeps the butterfly stretch instead; the lunge with rotation and the triangle pose (an arm to the
    // ceiling) are contraindicated too, so the seated twist stays in both sessions.
    @Test
    void aMobilityGoalWithShoulderPainOverheadLeavesTheStandingSideBendOut() {
        Evaluation ev = evaluate(with(baseline(), "goal", "mobility", "shoulderPainOverhead", true));
        assertEquals(2, ev.plan().sessions().size());
        for (Session s : ev.plan().sessions()) {
            assertFalse(ids(s.cooldown()).contains("standing-side-bend"), s.cooldown()::toString);
            assertTrue(ids(s.cooldown()).contains("butterfly-stretch"), s.cooldown()::toString);
            assertTrue(ids(s.cooldown()).contains("seated-twist"), s.cooldown()::toString);
        }
        for (String id : List.of("lunge-with-rotation", "triangle-pose")) {
            assertTrue(ev.excluded().stream().anyMatch(x -> x.exerciseId().equals(id)
                    && x.reason().equals("contraindicated")), ev.excluded()::toString);
        }
        assertNotFired(ev, FILE, SIDE_BEND_GOAL);
        assertNotFired(ev, FILE, WHOLE_BODY);
    }

    // Low back pain adds seed 004's knee to chest to every warm-up, after cat-cow, explained by the finding; near miss:
    // without low back pain it is not there.
    @Test
    void lowBackPainAddsKneeToChestAfterCatCow() {
        Evaluation ev = evaluate(with(baseline(), "lowBackPain", true));
        for (Session s : ev.plan().sessions()) {
            List<String> warmup = ids(s.warmup());
            assertEquals(warmup.indexOf("cat-cow") + 1, warmup.indexOf("knee-to-chest"), warmup::toString);
            Evaluation.Item knees = s.warmup().get(warmup.indexOf("knee-to-chest"));
            assertEquals(KNEE_TO_CHEST, knees.explanation().rule());
            assertEquals(List.of("low-back-pain"), knees.explanation().because());
            assertEquals("004_9c521a0d8171154b.txt", knees.explanation().source());
            assertTrue(knees.cues().contains(FIVE_MINUTES_CUE), knees.cues()::toString);
        }
        assertFired(ev, FILE, DYNAMIC, KNEE_TO_CHEST, SQUEEZES, STRETCHES, WARMUP_LAYOUT, COOLDOWN_LAYOUT);
        Evaluation none = evaluate(baseline());
        assertFalse(ids(none.plan().sessions().get(0).warmup()).contains("knee-to-chest"));
        assertNotFired(none, FILE, KNEE_TO_CHEST);
    }

    @Test
    void aReferralHasNoSessions() {
        assertFired(evaluate(with(baseline(), "unexplainedWeightLoss", true, "midBackStiffness", true)), FILE);
    }
}
