package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rules.RuleHarness.exercise;
import static org.posturecoach.rules.RuleHarness.findingCodes;
import static org.posturecoach.rules.RuleHarness.ids;
import static org.posturecoach.rules.RuleHarness.mainIds;
import static org.posturecoach.rules.RuleHarness.mainItems;
import static org.posturecoach.rules.RuleHarness.warningCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluation.Item;
import org.posturecoach.engine.Evaluation.Session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Clinical scenarios as data: every {@code src/test/resources/scenarios/*.json} is evaluated end to end (validation
 * and rules) and checked against its {@code expect} block. Every key of {@code expect} is optional except
 * {@code outcome}; an unknown key fails the scenario, so a misspelt expectation cannot pass silently.
 */
class ClinicalScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One scenario file. */
    record Scenario(String name, String description, Map<String, Object> answers, Expect expect) {
    }

    /** What the evaluation must show. Lists of ids, codes, tags and rule names; absent means "not checked". */
    record Expect(String outcome, List<String> findings, List<String> warningsInclude, List<String> warningsExclude,
            List<Integer> sessionDays, Integer distinctMainMin, Integer distinctMainMax, List<String> mainIncludes,
            List<String> mainIncludesTag, List<String> mainExcludesTag, List<String> planExcludes,
            List<String> planExcludesTag, List<String> planExcludesLowBackLoad, String mainCueOnEveryItem,
            List<String> warmupIncludes, List<String> warmupIncludesTag, List<String> cooldownIncludes,
            List<String> dailyIncludes, List<Excluded> excludedInclude, List<String> firedInclude,
            List<String> firedExclude, Boolean rowInEverySession, String mainCueOnNoItem) {
    }

    record Excluded(String exerciseId, String reason) {
    }

    static Stream<Arguments> scenarios() {
        return files().stream().map(f -> Arguments.of(f.getFileName().toString(), read(f)));
    }

    @Test
    void thereAreAtLeastEightScenarios() {
        assertTrue(files().size() >= 8, () -> "scenarios: " + files());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String file, Scenario scenario) {
        Expect x = scenario.expect();
        assertNotNull(x, file + ": no expect block");
        assertNotNull(x.outcome(), file + ": expect.outcome is required");
        Evaluation ev = RuleHarness.evaluate(scenario.answers());

        assertEquals(x.outcome(), ev.outcome(), "outcome");
        if (x.outcome().equals("refer")) {
            assertNull(ev.plan(), "no plan for a referral");
            assertTrue(ev.warnings().stream().anyMatch(w -> w.severity().equals("stop")), "a stop warning");
        } else {
            assertNotNull(ev.plan());
            checkPlan(scenario, x, ev);
        }
        if (x.findings() != null) {
            assertEquals(new TreeSet<>(x.findings()), findingCodes(ev), "findings");
        }
        includes("warnings", warningCodes(ev), x.warningsInclude());
        excludes("warnings", warningCodes(ev), x.warningsExclude());
        if (x.excludedInclude() != null) {
            Set<Excluded> excluded = ev.excluded().stream().map(e -> new Excluded(e.exerciseId(), e.reason()))
                    .collect(Collectors.toSet());
            x.excludedInclude().forEach(e -> assertTrue(excluded.contains(e), () -> "excluded lacks " + e));
        }
        Set<String> allRules = RuleHarness.kb().rulesByFile().values().stream().flatMap(List::stream)
                .collect(Collectors.toSet());
        Stream.concat(stream(x.firedInclude()), stream(x.firedExclude()))
                .forEach(r -> assertTrue(allRules.contains(r), () -> "no rule named \"" + r + "\""));
        includes("fired rules", Set.copyOf(ev.firedRules()), x.firedInclude());
        excludes("fired rules", Set.copyOf(ev.firedRules()), x.firedExclude());
    }

    private static void checkPlan(Scenario scenario, Expect x, Evaluation ev) {
        Evaluation.Plan plan = ev.plan();
        @SuppressWarnings("unchecked")
        Set<String> have = Set.copyOf((List<String>) scenario.answers().get("equipment"));
        RuleHarness.allItems(plan).forEach(i -> assertTrue(have.containsAll(exercise(i.exerciseId()).getEquipment()),
                () -> i.exerciseId() + " needs equipment the client does not have"));
        if (x.sessionDays() != null) {
            assertEquals(x.sessionDays(), plan.sessions().stream().map(Session::day).toList(), "session days");
        }
        int distinct = mainIds(ev).size();
        if (x.distinctMainMin() != null) {
            assertTrue(distinct >= x.distinctMainMin(), () -> "distinct main exercises " + mainIds(ev));
        }
        if (x.distinctMainMax() != null) {
            assertTrue(distinct <= x.distinctMainMax(), () -> "distinct main exercises " + mainIds(ev));
        }
        includes("main", mainIds(ev), x.mainIncludes());
        Set<String> mainTags = mainIds(ev).stream().flatMap(id -> exercise(id).getTags().stream())
                .collect(Collectors.toSet());
        includes("main tags", mainTags, x.mainIncludesTag());
        excludes("main tags", mainTags, x.mainExcludesTag());
        Set<String> planned = RuleHarness.allItems(plan).map(Item::exerciseId).collect(Collectors.toSet());
        excludes("plan", planned, x.planExcludes());
        Set<String> planTags = planned.stream().flatMap(id -> exercise(id).getTags().stream()).collect(Collectors.toSet());
        excludes("plan tags", planTags, x.planExcludesTag());
        Set<String> loads = planned.stream().map(id -> exercise(id).getLowBackLoad()).collect(Collectors.toSet());
        excludes("plan low-back loads", loads, x.planExcludesLowBackLoad());
        if (x.mainCueOnEveryItem() != null) {
            mainItems(ev).forEach(i -> assertTrue(i.cues().stream().anyMatch(c -> c.toLowerCase()
                    .contains(x.mainCueOnEveryItem().toLowerCase())), () -> i.exerciseId() + " lacks the cue"));
        }
        if (x.mainCueOnNoItem() != null) {
            mainItems(ev).forEach(i -> assertFalse(i.cues().stream().anyMatch(c -> c.toLowerCase()
                    .contains(x.mainCueOnNoItem().toLowerCase())), () -> i.exerciseId() + " has the cue"));
        }
        for (Session s : plan.sessions()) {
            if (Boolean.TRUE.equals(x.rowInEverySession())) {
                assertTrue(s.main().stream().anyMatch(i -> exercise(i.exerciseId()).getTags().contains("row")),
                        () -> "day " + s.day() + " holds no row: " + ids(s.main()));
            }
            includes("warm-up of day " + s.day(), Set.copyOf(ids(s.warmup())), x.warmupIncludes());
            Set<String> warmupTags = s.warmup().stream().flatMap(i -> exercise(i.exerciseId()).getTags().stream())
                    .collect(Collectors.toSet());
            includes("warm-up tags of day " + s.day(), warmupTags, x.warmupIncludesTag());
            includes("cool-down of day " + s.day(), Set.copyOf(ids(s.cooldown())), x.cooldownIncludes());
        }
        includes("daily", Set.copyOf(ids(plan.daily())), x.dailyIncludes());
    }

    private static void includes(String what, Set<String> actual, List<String> expected) {
        stream(expected).forEach(e -> assertTrue(actual.contains(e), () -> what + " lacks " + e + ": " + actual));
    }

    private static void excludes(String what, Set<String> actual, List<String> unexpected) {
        stream(unexpected).forEach(e -> assertFalse(actual.contains(e), () -> what + " has " + e + ": " + actual));
    }

    private static Stream<String> stream(List<String> list) {
        return list == null ? Stream.empty() : list.stream();
    }

    private static List<Path> files() {
        try {
            Path dir = Path.of(ClinicalScenariosTest.class.getResource("/scenarios").toURI());
            try (Stream<Path> list = Files.list(dir)) {
                return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Scenario read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
