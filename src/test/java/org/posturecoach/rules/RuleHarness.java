package org.posturecoach.rules;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.posturecoach.engine.AnswerValidator;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluator;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.KnowledgeBaseLoader;

import com.fasterxml.jackson.databind.ObjectMapper;

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

    public static Evaluator evaluator() {
        return new Evaluator(5000);
    }

    /** A complete, valid answer set with no symptoms: intermediate, 3 days, a full gym. */
    public static Map<String, Object> baseline() {
        Map<String, Object> a = new HashMap<>();
        a.put("sharpOrWorseningPain", false);
        a.put("numbnessOrTingling", false);
        a.put("recentInjury", false);
        a.put("nightPain", false);
        a.put("unexplainedWeightLoss", false);
        a.put("experience", "intermediate");
        a.put("daysPerWeek", 3);
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
        Map<String, Object> valid = AnswerValidator.validate(kb().questionnaire(), JSON.valueToTree(answers),
                AnswerValidator.Mode.COMPLETE);
        return evaluator().evaluate(kb(), valid);
    }
}
