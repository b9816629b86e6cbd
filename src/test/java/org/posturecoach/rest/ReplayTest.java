package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rest.AssessmentFixtures.PATH;
import static org.posturecoach.rest.AssessmentFixtures.PROBLEM;
import static org.posturecoach.rest.AssessmentFixtures.answers;
import static org.posturecoach.rest.AssessmentFixtures.body;
import static org.posturecoach.rest.AssessmentFixtures.create;
import static org.posturecoach.rest.AssessmentFixtures.post;
import static org.posturecoach.rest.AssessmentFixtures.total;
import static org.posturecoach.rest.AssessmentFixtures.tree;
import static org.posturecoach.rest.AssessmentFixtures.uniqueRef;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.posturecoach.persistence.AssessmentEntity;
import org.posturecoach.persistence.AssessmentRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Replay evaluates the stored answers under the current knowledge base, stores nothing, and names what changed. */
@QuarkusTest
class ReplayTest {

    @Inject
    AssessmentRepository repository;

    ValidatableResponse replay(String id) {
        return given().when().post(PATH + "/" + id + "/replay").then();
    }

    /** Changes a stored row behind the service's back, as an older release or another knowledge base would have. */
    void tamper(String id, Consumer<AssessmentEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(repository.findById(id)));
    }

    static ObjectNode json(String text) {
        return (ObjectNode) tree(text);
    }

    @Test
    void underTheSameKnowledgeBaseTheDiffIsEmpty() {
        String ref = uniqueRef("replay-same");
        JsonNode created = create(ref, answers("roundedShoulders", true, "deskHoursPerDay", 7));
        String id = created.get("id").asText();

        String text = replay(id).statusCode(200)
                .body("assessment.id", equalTo(id))
                .body("assessment.createdAt", equalTo(created.get("createdAt").asText()))
                .extract().asString();

        JsonNode replay = tree(text);
        assertEquals(created, replay.get("assessment"), "same answers, same knowledge base: same assessment");
        // Nothing changed, so the diff is the empty object: {}.
        assertTrue(replay.get("diff").isObject(), replay.toString());
        assertEquals(List.of(), fieldNames(replay.get("diff")));
        assertEquals(1, total(ref), "a replay stores nothing");
    }

    @Test
    void aStoredResultFromAnotherKnowledgeBaseGivesANamedDiff() {
        JsonNode created = create(uniqueRef("replay-kb"), answers("midBackStiffness", true));
        String id = created.get("id").asText();
        String version = created.get("knowledgeBaseVersion").asText();
        String droppedRule = created.get("firedRules").get(0).asText();
        tamper(id, row -> {
            ObjectNode result = json(row.result);
            result.put("knowledgeBaseVersion", "older-knowledge-base");
            ObjectNode stale = ((ArrayNode) result.get("findings")).addObject();
            stale.put("code", "stale-finding").put("title", "A finding the current rules no longer make");
            ((ArrayNode) result.get("firedRules")).remove(0);
            ((ArrayNode) result.get("firedRules")).add("A rule that no longer exists");
            row.result = result.toString();
            row.knowledgeBaseVersion = "older-knowledge-base";
        });

        replay(id).statusCode(200)
                .body("assessment.id", equalTo(id))
                .body("assessment.knowledgeBaseVersion", equalTo(version))
                .body("assessment.findings.code", not(hasItem("stale-finding")))
                .body("diff.empty", nullValue())
                .body("diff.knowledgeBaseVersion.from", equalTo("older-knowledge-base"))
                .body("diff.knowledgeBaseVersion.to", equalTo(version))
                .body("diff.findings.removed", contains("stale-finding"))
                .body("diff.findings.added", empty())
                .body("diff.firedRules.added", contains(droppedRule))
                .body("diff.firedRules.removed", contains("A rule that no longer exists"))
                .body("diff.outcome", nullValue())
                .body("diff.plan", nullValue())
                .body("diff.warnings", nullValue());

        // the stored row is untouched by the replay
        given().get(PATH + "/" + id).then().statusCode(200)
                .body("knowledgeBaseVersion", equalTo("older-knowledge-base"))
                .body("findings.code", hasItem("stale-finding"));
    }

    @Test
    void storedAnswersThatNowMeanMoreGiveFindingsAndPlanChanges() {
        JsonNode created = create(uniqueRef("replay-answers"), answers());
        String id = created.get("id").asText();
        assertFalse(created.get("findings").toString().contains("prolonged-sitting"));
        tamper(id, row -> row.answers = json(row.answers).put("deskHoursPerDay", 9).toString());

        replay(id).statusCode(200)
                .body("assessment.answers.deskHoursPerDay", equalTo(9))
                .body("assessment.findings.code", hasItem("prolonged-sitting"))
                .body("diff.empty", nullValue())
                .body("diff.knowledgeBaseVersion", nullValue())
                .body("diff.findings.added", hasItem("prolonged-sitting"))
                .body("diff.findings.removed", empty())
                .body("diff.plan.changed", equalTo(true))
                .body("diff.plan.exercises.added", not(empty()))
                .body("diff.firedRules.added", not(empty()));
    }

    @Test
    void aRedFlagInTheStoredAnswersTurnsThePlanIntoAReferral() {
        JsonNode created = create(uniqueRef("replay-refer"), answers());
        String id = created.get("id").asText();
        int sessions = created.get("plan").get("sessionsPerWeek").asInt();
        tamper(id, row -> row.answers = json(row.answers).put("nightPain", true).toString());

        replay(id).statusCode(200)
                .body("assessment.outcome", equalTo("refer"))
                .body("assessment.plan", nullValue())
                .body("diff.outcome.from", equalTo("plan"))
                .body("diff.outcome.to", equalTo("refer"))
                .body("diff.plan.changed", equalTo(true))
                .body("diff.plan.sessionsPerWeek.from", equalTo(sessions))
                .body("diff.plan.sessionsPerWeek.to", nullValue())
                .body("diff.warnings.added", not(empty()));
    }

    @Test
    void storedAnswersTheQuestionnaireNoLongerAcceptsAre409() {
        String id = create(uniqueRef("replay-409"), answers()).get("id").asText();
        tamper(id, row -> row.answers = json(row.answers).put("retiredQuestion", true).toString());
        replay(id).statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("title", equalTo("Answers no longer fit the questionnaire"))
                .body("detail", containsString("/answers/retiredQuestion"))
                .body("errors.pointer", contains("/answers/retiredQuestion"));
    }

    /**
     * A referred intake stops at the red flag, so its assessment is stored without the required questions that
     * come after it. Replay accepts such a referral the way the intake did, and still answers {assessment, diff}.
     */
    @Test
    void aReferralFromAnIntakeReplaysThoughLaterRequiredQuestionsWereNeverAsked() {
        String ref = uniqueRef("replay-intake-refer");
        JsonNode created = referredIntakeAssessment(ref, Map.of("nightPain", true));
        assertEquals("refer", created.get("outcome").asText());
        assertFalse(created.get("answers").has("experience"), "the intake never asked for experience");
        String id = created.get("id").asText();

        String text = replay(id).statusCode(200).contentType(ContentType.JSON)
                .body("assessment.id", equalTo(id))
                .body("assessment.clientRef", equalTo(ref))
                .body("assessment.outcome", equalTo("refer"))
                .body("assessment.plan", nullValue())
                .body("assessment.answers.nightPain", equalTo(true))
                .body("assessment.warnings.severity", hasItem("stop"))
                .extract().asString();
        assertEquals(created, tree(text).get("assessment"), "same answers, same knowledge base: same referral");
        assertEquals(List.of(), fieldNames(tree(text).get("diff")), "same answers, same knowledge base: diff {}");
        assertEquals(1, total(ref), "a replay stores nothing");

        // The same partial answers posted directly refer the same way (a second assessment of this client); near miss:
        // without the red flag they are a 400 naming the missing required answers.
        post(body(ref, Map.of("nightPain", true))).then().statusCode(201).body("outcome", equalTo("refer"));
        assertEquals(2, total(ref));
        post(body(ref, Map.of("nightPain", false))).then().statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", hasItem("/answers/experience"));
    }

    @Test
    void aStoredReferralWithAnAnswerTheQuestionnaireNoLongerHasIs409() {
        String id = referredIntakeAssessment(uniqueRef("replay-refer-409"), Map.of("recentInjury", true))
                .get("id").asText();
        tamper(id, row -> row.answers = json(row.answers).put("retiredQuestion", true).toString());
        replay(id).statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString("/answers/retiredQuestion"))
                .body("errors.pointer", contains("/answers/retiredQuestion"));
    }

    @Test
    void storedPartialAnswersWithoutARedFlagAre409NamingTheMissingAnswers() {
        String id = referredIntakeAssessment(uniqueRef("replay-partial-409"), Map.of("nightPain", true))
                .get("id").asText();
        tamper(id, row -> row.answers = json(row.answers).put("nightPain", false).toString());
        replay(id).statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString("/answers/experience is required"))
                .body("errors.pointer", hasItem("/answers/experience"))
                .body("errors.pointer", not(hasItem("/answers/nightPain")));
    }

    /** Starts an intake, answers red flags so that it is referred, and turns it into its (refer) assessment. */
    private static JsonNode referredIntakeAssessment(String clientRef, Map<String, Object> redFlags) {
        String intake = given().contentType(ContentType.JSON).body(Map.of("clientRef", clientRef))
                .post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("answers", redFlags))
                .post("/api/v1/intakes/{id}/answers", intake).then().statusCode(200)
                .body("status", equalTo("referred"));
        return tree(given().post("/api/v1/intakes/{id}/assessment", intake).then().statusCode(201)
                .body("outcome", equalTo("refer")).extract().asString());
    }

    @Test
    void replayOfAnUnknownAssessmentIs404() {
        replay("00000000-0000-4000-8000-000000000000").statusCode(404).contentType(PROBLEM);
        replay("nope").statusCode(404).contentType(PROBLEM);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertTrue(node.isObject());
        return names;
    }
}
