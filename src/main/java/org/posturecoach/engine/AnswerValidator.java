package org.posturecoach.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.posturecoach.domain.Question;
import org.posturecoach.domain.QuestionOption;
import org.posturecoach.domain.Questionnaire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks answers against the questionnaire data (types, options, ranges, enableWhen, required) and turns the JSON
 * into plain values. Nothing here is written per field: a new question needs no change.
 */
public final class AnswerValidator {

    public static final int MAX_STRING = 500;

    /** Whether an answer set must be complete (an assessment) or may be partial (a conversation in progress). */
    public enum Mode { COMPLETE, PARTIAL }

    private AnswerValidator() {
    }

    /** Validates and normalises; throws {@link InvalidAnswersException} naming every problem. */
    public static Map<String, Object> validate(Questionnaire questionnaire, JsonNode answers, Mode mode) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        if (answers == null || answers.isNull() || answers.isMissingNode()) {
            throw new InvalidAnswersException(List.of(new FieldError("/answers", "is required")));
        }
        if (!answers.isObject()) {
            throw new InvalidAnswersException(List.of(new FieldError("/answers", "must be an object of questionId: value")));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = answers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String pointer = FieldError.pointer("answers", f.getKey());
            Question q = questionnaire.item(f.getKey()).orElse(null);
            if (q == null) {
                errors.add(new FieldError(pointer, "is not a question of this questionnaire"));
                continue;
            }
            String problem = check(q, f.getValue());
            if (problem != null) {
                errors.add(new FieldError(pointer, problem));
            } else {
                values.put(q.id(), normalise(q, f.getValue()));
            }
        }
        // A question whose value was rejected above is not also "required": one error per field. A red flag answered
        // true refers on its own, so the questions after it need no answer, as an intake conversation stops there:
        // the same answers get the same referral through every door.
        Set<String> named = new java.util.HashSet<>();
        errors.forEach(e -> named.add(e.pointer()));
        Mode required = anyRedFlag(questionnaire, values) ? Mode.PARTIAL : mode;
        consistency(questionnaire, values, required).stream().filter(e -> !named.contains(e.pointer()))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        return values;
    }

    /** Enablement and required-ness over answers that are each valid on their own. */
    public static List<FieldError> consistency(Questionnaire questionnaire, Map<String, Object> values, Mode mode) {
        List<FieldError> errors = new ArrayList<>();
        for (Question q : questionnaire.items()) {
            boolean enabled = EnableConditions.isEnabled(q, values);
            String pointer = FieldError.pointer("answers", q.id());
            if (values.containsKey(q.id()) && !enabled) {
                errors.add(new FieldError(pointer, "is not asked unless " + EnableConditions.describe(q)));
            } else if (mode == Mode.COMPLETE && q.required() && enabled && !values.containsKey(q.id())) {
                errors.add(new FieldError(pointer, "is required"));
            }
        }
        return errors;
    }

    /**
     * Whether any red-flag question is answered true. Only such an answer set may refer on partial answers: a
     * referral stops before the required questions after the red flag (as a referred intake conversation does).
     */
    public static boolean anyRedFlag(Questionnaire questionnaire, Map<String, Object> values) {
        return questionnaire.items().stream()
                .anyMatch(q -> q.isRedFlag() && Boolean.TRUE.equals(values.get(q.id())));
    }

    private static String check(Question q, JsonNode v) {
        if (v == null || v.isNull()) {
            return "must not be null: leave an optional question out of an assessment, or name it in \"skip\" in an "
                    + "intake conversation";
        }
        switch (q.type()) {
            case "boolean":
                return v.isBoolean() ? null : "must be true or false";
            case "integer":
                if (v.isFloatingPointNumber() && v.canConvertToExactIntegral()) {
                    // 3.0 or 3e0: the value is whole, the writing is not (JSON integers carry no fraction or exponent).
                    return "must be a whole number" + range(q)
                            + ", written without a decimal point or exponent (3, not 3.0)";
                }
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    return "must be a whole number" + range(q);
                }
                int n = v.intValue();
                if ((q.min() != null && n < q.min()) || (q.max() != null && n > q.max())) {
                    return "must be" + range(q);
                }
                return null;
            case "choice":
                return v.isTextual() && codes(q).contains(v.asText()) ? null : "must be one of " + codes(q);
            case "multi-choice":
                return checkMany(q, v);
            case "string":
                if (!v.isTextual()) {
                    return "must be text";
                }
                String text = v.asText();
                // Characters as JSON Schema's maxLength counts them (code points: an emoji is one, not two).
                return text.codePointCount(0, text.length()) > MAX_STRING ? "must be at most " + MAX_STRING + " characters" : null;
            default:
                return "has an unsupported type";
        }
    }

    /**
     * A list of distinct option codes. An empty list is an answer ("none of these"), and an option meaning "none" may
     * sit beside others: the rules read only what is listed, so ["none", "resistance-band"] plans as
     * ["resistance-band"] and [] as ["none"]. Portals that let both boxes be ticked are not refused for it.
     */
    private static String checkMany(Question q, JsonNode v) {
        if (!v.isArray()) {
            return "must be a list drawn from " + codes(q);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || !codes(q).contains(e.asText())) {
                return "must contain only " + codes(q);
            }
            if (!seen.add(e.asText())) {
                return "lists " + e.asText() + " twice";
            }
        }
        return null;
    }

    private static Object normalise(Question q, JsonNode v) {
        return switch (q.type()) {
            case "boolean" -> v.booleanValue();
            case "integer" -> v.intValue();
            case "multi-choice" -> {
                List<String> list = new ArrayList<>();
                v.forEach(e -> list.add(e.asText()));
                yield List.copyOf(list);
            }
            default -> v.asText();
        };
    }

    private static List<String> codes(Question q) {
        return q.options() == null ? List.of() : q.options().stream().map(QuestionOption::code).toList();
    }

    private static String range(Question q) {
        if (q.min() != null && q.max() != null) {
            return " between " + q.min() + " and " + q.max();
        }
        if (q.min() != null) {
            return " of at least " + q.min();
        }
        return q.max() != null ? " of at most " + q.max() : "";
    }
}
