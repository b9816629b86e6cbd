package org.posturecoach.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.posturecoach.engine.AnswerValidator;
import org.posturecoach.domain.Exercise;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluation.Item;
import org.posturecoach.engine.Evaluator;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.KnowledgeBaseLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The real knowledge base from rules/, compiled once per test JVM, and helpers to build answer sets. */
public final class RuleHarness {

    private static KnowledgeBase kb;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleHarness() {
    }

    public static synchronized KnowledgeBase kb() {
        if (kb == null) {
            kb = new KnowledgeBaseLoader().load(Path.of("rules"));
        }
        return kb;
    }

    /** A knowledge base compiled anew from rules/, sharing no network memory with {@link #kb()}. */
    public static KnowledgeBase freshKb() {
        return new KnowledgeBaseLoader().load(Path.of("rules"));
    }

    public static Evaluator evaluator() {
        return new Evaluator(5000);
    }

    /** A complete, valid answer set with no symptoms: intermediate, 2 days, a full gym. */
    public static Map<String, Object> baseline() {
        Map<String, Object> a = new HashMap<>();
        a.put("sharpOrWorseningPain", false);
        a.put("numbnessOrTingling", false);
        a.put("recentInjury", false);
        a.put("nightPain", false);
        a.put("unexplainedWeightLoss", false);
        a.put("experience", "intermediate");
        a.put("daysPerWeek", 2);
        a.put("equipment", List.of("dumbbells", "barbell", "squat-rack", "bench", "cable-machine", "row-machine",
                "landmine", "pull-up-bar", "foam-roller", "resistance-band"));
        return a;
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> a = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return a;
    }

    /** Validates through the same path the API uses, then evaluates. */
    public static Evaluation evaluate(Map<String, Object> answers) {
        return evaluate(kb(), answers);
    }

    public static Evaluation evaluate(KnowledgeBase base, Map<String, Object> answers) {
        Map<String, Object> valid = AnswerValidator.validate(base.questionnaire(), JSON.valueToTree(answers),
                AnswerValidator.Mode.COMPLETE);
        return evaluator().evaluate(base, valid);
    }

    /**
     * The real rules over a catalogue edited so that two safety nets must act, which the real catalogue never
     * needs: the prone back extension's default dose is 1 set (main items are raised to 2), and every other
     * bodyweight main-block exercise is listed as its alternative (one movement pattern, so the week can only reach
     * 3 exercises through the minimum rule). Compiled once, from a copy of rules/ in a temporary folder.
     */
    public static synchronized KnowledgeBase safetyNetKb() {
        if (safetyNetKb == null) {
            safetyNetKb = editedCopy(catalogue -> {
                for (JsonNode e : catalogue.path("exercises")) {
                    if (e.path("id").asText().equals("superman")) {
                        ((ObjectNode) e.path("defaultDose")).put("sets", 1);
                    }
                    if (e.path("id").asText().equals("prone-back-extension")) {
                        ((ObjectNode) e.path("defaultDose")).put("sets", 1);
                        ArrayNode alternatives = ((ObjectNode) e.path("related")).putArray("alternatives");
                        List.of("superman", "bird-dog", "glute-bridge", "chin-tuck", "wall-angel", "stress-ball-squeeze")
                                .forEach(alternatives::add);
                    }
                }
            });
        }
        return safetyNetKb;
    }

    private static KnowledgeBase safetyNetKb;

    /**
     * The catalogue with every bodyweight strength or activation move listed as an alternative of every other one:
     * one movement pattern without kit, so "one per movement pattern" runs out after the first.
     */
    public static synchronized KnowledgeBase onePatternKb() {
        if (onePatternKb == null) {
            List<String> bodyweight = List.of("prone-back-extension", "superman", "bird-dog", "glute-bridge",
                    "wall-angel");
            onePatternKb = editedCopy(catalogue -> {
                for (JsonNode e : catalogue.path("exercises")) {
                    String id = e.path("id").asText();
                    if (bodyweight.contains(id)) {
                        ArrayNode alternatives = ((ObjectNode) e.path("related")).putArray("alternatives");
                        bodyweight.stream().filter(other -> !other.equals(id)).forEach(alternatives::add);
                    }
                }
            });
        }
        return onePatternKb;
    }

    private static KnowledgeBase onePatternKb;

    private static KnowledgeBase editedCopy(Consumer<JsonNode> catalogueEdit) {
        try {
            Path source = Path.of("rules");
            Path copy = Files.createTempDirectory("posturecoach-rules-");
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path target = copy.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            Path catalogue = copy.resolve("catalogue/exercises.json");
            JsonNode tree = JSON.readTree(catalogue.toFile());
            catalogueEdit.accept(tree);
            JSON.writeValue(catalogue.toFile(), tree);
            KnowledgeBase edited = new KnowledgeBaseLoader().load(copy);
            try (Stream<Path> walk = Files.walk(copy)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return edited;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ rules by file

    /** The rule names declared in one DRL file, e.g. {@code posturecoach/triage/red-flags.drl}. */
    public static Set<String> rulesIn(String file) {
        List<String> rules = kb().rulesByFile().get(file);
        if (rules == null) {
            throw new IllegalArgumentException("No rule file " + file + "; the knowledge base has "
                    + kb().rulesByFile().keySet());
        }
        return new TreeSet<>(rules);
    }

    /** The rules of one file that fired in this evaluation. */
    public static Set<String> firedIn(Evaluation ev, String file) {
        Set<String> fired = new TreeSet<>(ev.firedRules());
        fired.retainAll(rulesIn(file));
        return fired;
    }

    /** Exactly these rules of the file fired (each name is checked to be a rule of the file, so a typo fails). */
    public static void assertFired(Evaluation ev, String file, String... expected) {
        Set<String> want = new TreeSet<>(List.of(expected));
        Set<String> unknown = new TreeSet<>(want);
        unknown.removeAll(rulesIn(file));
        assertTrue(unknown.isEmpty(), () -> "not rules of " + file + ": " + unknown);
        assertEquals(want, firedIn(ev, file), "rules fired from " + file);
    }

    /** A rule of the file that must not fire here (the name is checked to exist). */
    public static void assertNotFired(Evaluation ev, String file, String rule) {
        assertTrue(rulesIn(file).contains(rule), () -> "not a rule of " + file + ": " + rule);
        assertFalse(ev.firedRules().contains(rule), () -> "fired but should not: " + rule);
    }

    // ------------------------------------------------------------------------------------------ reading results

    /** Every exercise id the plan holds, in any part of any session or the daily routine. */
    public static Set<String> plannedIds(Evaluation ev) {
        Set<String> ids = new TreeSet<>();
        if (ev.plan() != null) {
            ev.plan().sessions().forEach(s -> {
                s.warmup().forEach(i -> ids.add(i.exerciseId()));
                s.main().forEach(i -> ids.add(i.exerciseId()));
                s.cooldown().forEach(i -> ids.add(i.exerciseId()));
            });
            ev.plan().daily().forEach(i -> ids.add(i.exerciseId()));
        }
        return ids;
    }

    public static Set<String> findingCodes(Evaluation ev) {
        return ev.findings().stream().map(Evaluation.FindingView::code).collect(Collectors.toCollection(TreeSet::new));
    }

    public static Set<String> warningCodes(Evaluation ev) {
        return ev.warnings().stream().map(Evaluation.WarningView::code).collect(Collectors.toCollection(TreeSet::new));
    }

    public static Evaluation.WarningView warning(Evaluation ev, String code) {
        return ev.warnings().stream().filter(w -> w.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning " + code + " in " + warningCodes(ev)));
    }

    /** Every main item of every session, in session order. */
    public static List<Item> mainItems(Evaluation ev) {
        return ev.plan().sessions().stream().flatMap(s -> s.main().stream()).toList();
    }

    /** The distinct main exercises of the week, sorted. */
    public static Set<String> mainIds(Evaluation ev) {
        return mainItems(ev).stream().map(Item::exerciseId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every item of the plan: warm-up, main and cool-down of every session, and the daily routine. */
    public static Stream<Item> allItems(Evaluation.Plan plan) {
        return Stream.concat(plan.sessions().stream()
                .flatMap(s -> Stream.of(s.warmup(), s.main(), s.cooldown()).flatMap(Collection::stream)),
                plan.daily().stream());
    }

    public static List<String> ids(List<Item> items) {
        return items.stream().map(Item::exerciseId).toList();
    }

    public static Exercise exercise(String id) {
        return kb().exercise(id).orElseThrow(() -> new AssertionError("no exercise " + id));
    }

    /** The reasons recorded in {@code excluded} for one exercise (empty when it is not excluded). */
    public static Set<String> exclusionReasons(Evaluation ev, String exerciseId) {
        return ev.excluded().stream().filter(x -> x.exerciseId().equals(exerciseId))
                .map(Evaluation.ExcludedView::reason).collect(Collectors.toCollection(TreeSet::new));
    }

    public static Evaluation.ExcludedView exclusion(Evaluation ev, String exerciseId, String reason) {
        return ev.excluded().stream().filter(x -> x.exerciseId().equals(exerciseId) && x.reason().equals(reason))
                .findFirst().orElseThrow(() -> new AssertionError(exerciseId + " is not excluded as " + reason
                        + " (reasons: " + exclusionReasons(ev, exerciseId) + ")"));
    }
}
