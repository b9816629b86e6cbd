package org.posturecoach.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.posturecoach.domain.Question;
import org.posturecoach.domain.QuestionOption;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.engine.EnableConditions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random answer sets that the questionnaire accepts, generated from the questionnaire data itself: every item by
 * its type, range and options; optional items sometimes skipped; an item whose {@code enableWhen} does not hold is
 * left out; red flags mostly false. A new question is covered without a change here.
 */
public final class ValidAnswers {

    /** Marks a skipped optional question while the values are combined. */
    private static final Object SKIPPED = new Object();

    private ValidAnswers() {
    }

    public static Arbitrary<Map<String, Object>> of(Questionnaire questionnaire) {
        List<Question> items = questionnaire.items();
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Question q : items) {
            values.add(answer(q));
        }
        return Combinators.combine(values).as(list -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Question q = items.get(i);
                Object v = list.get(i);
                // Items come in questionnaire order, so a condition only looks at answers already kept.
                if (v != SKIPPED && EnableConditions.isEnabled(q, answers)) {
                    answers.put(q.id(), v);
                }
            }
            return answers;
        });
    }

    private static Arbitrary<Object> answer(Question q) {
        Arbitrary<Object> value = value(q);
        if (q.required()) {
            return value;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, value),
                Tuple.of(1, Arbitraries.just(SKIPPED)));
    }

    private static Arbitrary<Object> value(Question q) {
        List<String> codes = q.options() == null ? List.of() : q.options().stream().map(QuestionOption::code).toList();
        return switch (q.type()) {
            case "boolean" -> q.isRedFlag()
                    // Without edge cases, so "true" stays rare: about one answer set in seven has a red flag.
                    ? Arbitraries.frequency(Tuple.of(97, (Object) false), Tuple.of(3, true)).withoutEdgeCases()
                    : Arbitraries.of(true, false).map(b -> (Object) b);
            case "integer" -> Arbitraries.integers()
                    .between(q.min() == null ? 0 : q.min(), q.max() == null ? 100 : q.max()).map(n -> (Object) n);
            case "choice" -> Arbitraries.of(codes).map(c -> (Object) c);
            case "multi-choice" -> multi(codes);
            case "string" -> Arbitraries.strings().alpha().ofMaxLength(30).map(s -> (Object) s);
            default -> throw new IllegalStateException("No generator for question type " + q.type());
        };
    }

    /**
     * A subset of the options in questionnaire order: often one or two items, sometimes all, sometimes none at all (an
     * empty list is an answer), and "none" on its own or, as tick-box portals send it, beside other options.
     */
    private static Arbitrary<Object> multi(List<String> codes) {
        Arbitrary<Object> few = subset(codes, 0, 2);
        Arbitrary<Object> any = subset(codes, 1, codes.size());
        if (!codes.contains("none")) {
            return Arbitraries.oneOf(few, any);
        }
        // Home kits of one or two items are as likely as a full gym, and "none" alone comes up often enough to matter.
        return Arbitraries.frequencyOf(Tuple.of(4, few), Tuple.of(4, any),
                Tuple.of(1, Arbitraries.just((Object) List.of("none"))));
    }

    private static Arbitrary<Object> subset(List<String> codes, int minSize, int maxSize) {
        return Arbitraries.of(codes).set().ofMinSize(minSize).ofMaxSize(maxSize).map(set -> {
            List<String> ordered = new ArrayList<>(codes);
            ordered.retainAll(set);
            return (Object) List.copyOf(ordered);
        });
    }
}
