package org.posturecoach.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The single entry every door uses (REST assessments, previews, replays, intake conversations): validate against
 * the loaded questionnaire, then evaluate under the loaded knowledge base.
 */
@ApplicationScoped
public class AssessmentEngine {

    public static final int MAX_CLIENT_REF = 64;

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    @ConfigProperty(name = "posturecoach.rules.max-firings", defaultValue = "5000")
    int maxFirings;

    private Evaluator evaluator;

    @PostConstruct
    void init() {
        evaluator = new Evaluator(maxFirings);
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase.current();
    }

    /** Validates a complete request (answers and clientRef) and returns the normalised answers. */
    public Map<String, Object> validate(JsonNode answers, String clientRef) {
        return validate(answers, clientRef, List.of());
    }

    /**
     * As {@link #validate(JsonNode, String)}, with problems already found in the rest of the request (a field of the
     * wrong type, an unknown field): one 400 names them all, with every problem of the answers.
     */
    public Map<String, Object> validate(JsonNode answers, String clientRef, List<FieldError> requestProblems) {
        List<FieldError> errors = new ArrayList<>(requestProblems);
        errors.addAll(checkClientRef(clientRef));
        try {
            Map<String, Object> valid = AnswerValidator.validate(knowledgeBase().questionnaire(), answers,
                    AnswerValidator.Mode.COMPLETE);
            if (errors.isEmpty()) {
                return valid;
            }
        } catch (InvalidAnswersException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidAnswersException(errors);
    }

    /**
     * A clientRef is absent, or 1 to 64 characters counted as Unicode code points (an emoji is one character, not
     * two UTF-16 units), not only whitespace or invisible characters, without control characters and without half a
     * surrogate pair. One error at most, at {@code /clientRef}.
     */
    public static List<FieldError> checkClientRef(String clientRef) {
        String problem = clientRefProblem(clientRef);
        return problem == null ? List.of() : List.of(new FieldError("/clientRef", problem));
    }

    private static String clientRefProblem(String clientRef) {
        if (clientRef == null) {
            return null;
        }
        if (clientRef.isEmpty()) {
            return "must not be empty; leave clientRef out when there is none";
        }
        if (clientRef.codePoints().allMatch(AssessmentEngine::invisible)) {
            return "must not be blank";
        }
        for (int i = 0; i < clientRef.length(); ) {
            int c = clientRef.codePointAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return String.format("must not contain control characters (U+%04X at character %d)", c,
                        clientRef.codePointCount(0, i) + 1);
            }
            if (Character.getType(c) == Character.SURROGATE) {
                return String.format("must be valid Unicode text (unpaired surrogate U+%04X at character %d)", c,
                        clientRef.codePointCount(0, i) + 1);
            }
            i += Character.charCount(c);
        }
        int length = clientRef.codePointCount(0, clientRef.length());
        if (length > MAX_CLIENT_REF) {
            return "must be at most " + MAX_CLIENT_REF + " characters (it has " + length + ")";
        }
        return null;
    }

    /**
     * Shows nothing on its own: whitespace, any Unicode space (a no-break or ideographic space, which {@code isBlank}
     * does not count), a format character (zero-width space, byte-order mark, direction marks), a mark that only
     * changes the character before it (a variation selector, the combining grapheme joiner), or a filler that renders
     * as blank (the Hangul fillers, the blank Braille pattern).
     */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || BLANK_FILLERS.contains(c);
    }

    private static final java.util.Set<Integer> BLANK_FILLERS = java.util.Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    /** Evaluates answers that already passed {@link #validate}. */
    public Evaluation evaluate(Map<String, Object> validAnswers) {
        return evaluator.evaluate(knowledgeBase(), validAnswers);
    }
}
