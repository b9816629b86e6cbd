package org.posturecoach.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.Questionnaire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A free-text question (type {@code string}; the shipped questionnaire has none yet, a knowledge base may add one):
 * at most 500 characters counted as the OpenAPI document's {@code maxLength} counts them, by code point, so an emoji
 * is one character and a client that checks the schema is never refused for what the schema allows.
 */
class FreeTextAnswerTest {

    private static final Questionnaire NOTE = new Questionnaire("q", "t", "1", List.of(
            new Question("note", "Anything else?", "string", false, null, null, null, null, null, null, null, null)));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> validate(Object value) {
        ObjectNode answers = JSON.createObjectNode();
        answers.set("note", JSON.valueToTree(value));
        return AnswerValidator.validate(NOTE, answers, AnswerValidator.Mode.COMPLETE);
    }

    @Test
    void fiveHundredCharactersAreTakenEvenWhenEachIsTwoJavaChars() {
        String emoji = "\uD83D\uDE42".repeat(AnswerValidator.MAX_STRING);
        assertEquals(Map.of("note", emoji), validate(emoji));
        assertEquals(Map.of("note", "a".repeat(500)), validate("a".repeat(500)));
    }

    @Test
    void theFiveHundredAndFirstCharacterOrANonTextIsRefusedWithItsPointer() {
        InvalidAnswersException tooLong = assertThrows(InvalidAnswersException.class,
                () -> validate("\uD83D\uDE42".repeat(501)));
        assertEquals(List.of(new FieldError("/answers/note", "must be at most 500 characters")), tooLong.errors());
        InvalidAnswersException number = assertThrows(InvalidAnswersException.class, () -> validate(5));
        assertEquals(List.of(new FieldError("/answers/note", "must be text")), number.errors());
    }
}
