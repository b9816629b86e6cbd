package org.posturecoach.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.posturecoach.domain.EnableWhen;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.Questionnaire;

import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * The asking order on a made-up questionnaire whose red flag sits last, so that "red flags first" cannot pass by
 * accident of the real questionnaire's order.
 */
class IntakeQuestionOrderTest {

    private static final Questionnaire DATA = new Questionnaire("order", "Order", "1", List.of(
            question("pain", false, null),
            question("painSeverity", false, new EnableWhen("pain", "=", BooleanNode.TRUE)),
            question("stiffness", false, null),
            question("fever", true, null),
            question("injury", true, null)));

    @Test
    void redFlagsFirstInTheirOwnOrderThenTheRestInQuestionnaireOrder() {
        assertEquals(List.of("fever", "injury", "pain", "stiffness"), ids(Map.of(), List.of()));
    }

    @Test
    void aQuestionIsAskedOnlyWhileItsEnableWhenHolds() {
        assertEquals(List.of("painSeverity", "stiffness"),
                ids(Map.of("fever", false, "injury", false, "pain", true), List.of()));
        assertEquals(List.of("stiffness"), ids(Map.of("fever", false, "injury", false, "pain", false), List.of()));
    }

    @Test
    void answeredAndSkippedQuestionsAreNeverAskedAgain() {
        assertEquals(List.of("injury", "stiffness"), ids(Map.of("fever", false, "pain", false), List.of()));
        assertEquals(List.of("injury"), ids(Map.of("fever", false, "pain", false), List.of("stiffness")));
        assertEquals(List.of(), ids(Map.of("fever", false, "injury", false, "pain", false, "stiffness", true),
                List.of()));
    }

    private static List<String> ids(Map<String, Object> answers, List<String> skipped) {
        return IntakeService.pending(DATA, answers, skipped).stream().map(Question::id).toList();
    }

    private static Question question(String id, boolean redFlag, EnableWhen when) {
        return new Question(id, id + "?", "boolean", false, null, null, null, when == null ? null : List.of(when),
                null, redFlag ? Boolean.TRUE : null, "because", null);
    }
}
