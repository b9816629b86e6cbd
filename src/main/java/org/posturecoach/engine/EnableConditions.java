package org.posturecoach.engine;

import java.util.Collection;
import java.util.Map;

import org.posturecoach.domain.EnableWhen;
import org.posturecoach.domain.Question;

import com.fasterxml.jackson.databind.JsonNode;

/** FHIR-style enableWhen over normalised answers (Boolean, Integer, String, List of String). */
public final class EnableConditions {
    private EnableConditions() {
    }

    public static boolean isEnabled(Question q, Map<String, Object> answers) {
        if (q.enableWhen() == null || q.enableWhen().isEmpty()) {
            return true;
        }
        boolean any = "any".equals(q.enableBehavior());
        for (EnableWhen w : q.enableWhen()) {
            boolean ok = holds(w, answers.get(w.question()));
            if (any && ok) {
                return true;
            }
            if (!any && !ok) {
                return false;
            }
        }
        return !any;
    }

    /** Explains the condition for error messages, e.g. "neckPain = true". */
    public static String describe(Question q) {
        StringBuilder sb = new StringBuilder();
        for (EnableWhen w : q.enableWhen()) {
            if (!sb.isEmpty()) {
                sb.append("any".equals(q.enableBehavior()) ? " or " : " and ");
            }
            sb.append(w.question()).append(' ').append(w.operator()).append(' ').append(w.answer());
        }
        return sb.toString();
    }

    static boolean holds(EnableWhen w, Object actual) {
        JsonNode expected = w.answer();
        if ("exists".equals(w.operator())) {
            return (actual != null) == expected.asBoolean();
        }
        if (actual == null) {
            return false;
        }
        if (actual instanceof Collection<?> many) {
            boolean anyMatch = many.stream().anyMatch(v -> compare(w.operator(), v, expected));
            return "!=".equals(w.operator()) ? many.stream().allMatch(v -> compare("!=", v, expected)) : anyMatch;
        }
        return compare(w.operator(), actual, expected);
    }

    private static boolean compare(String op, Object actual, JsonNode expected) {
        int cmp;
        if (actual instanceof Number n && expected.isNumber()) {
            cmp = Double.compare(n.doubleValue(), expected.asDouble());
        } else if (actual instanceof Boolean b && expected.isBoolean()) {
            cmp = Boolean.compare(b, expected.asBoolean());
        } else if (actual instanceof String s && expected.isTextual()) {
            cmp = s.compareTo(expected.asText());
        } else {
            return "!=".equals(op);
        }
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            default -> false;
        };
    }
}
