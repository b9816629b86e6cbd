package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rest.AssessmentFixtures.JSON;
import static org.posturecoach.rest.AssessmentFixtures.answers;
import static org.posturecoach.rest.AssessmentFixtures.body;
import static org.posturecoach.rest.AssessmentFixtures.tree;
import static org.posturecoach.rest.AssessmentFixtures.uniqueRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.rules.ValidAnswers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A client generated from the OpenAPI document reads what the service really sends: every answer below, successes
 * and problems, has its status and media type documented for its operation and a body that conforms to the
 * documented schema (nulls only where the schema allows them, no property it does not list), and every request body
 * sent conforms to the documented request schema. Found by an audit: answers were documented as Jackson's
 * {@code JsonNode} bean, nullable fields (a referral's plan, a seedless explanation's source, a dose's hold) as
 * non-null, the intake status enum listed {@code complete} twice, and no 201 documented its {@code Location}.
 */
@QuarkusTest
class OpenApiConformanceTest {

    private OpenApiSchemas doc;

    @BeforeEach
    void readDocument() {
        doc = new OpenApiSchemas(tree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()));
    }

    /** The answer is documented for the operation, with its media type, any Location header, and its schema. */
    private JsonNode conforms(String path, String method, Response response) {
        int status = response.statusCode();
        JsonNode documented = doc.response(path, method, status);
        assertFalse(documented.isMissingNode(), method + " " + path + " answered " + status + ", not documented");
        String mediaType = response.contentType().split(";")[0].trim();
        JsonNode schema = doc.responseSchema(path, method, status, mediaType);
        assertFalse(schema.isMissingNode(), method + " " + path + " " + status + ": " + mediaType + " not documented");
        JsonNode body = tree(response.asString());
        assertThat(method + " " + path + " " + status + " " + response.asString(), doc.violations(body, schema),
                is(empty()));
        if (response.header("Location") != null) {
            assertFalse(documented.path("headers").path("Location").isMissingNode(),
                    method + " " + path + " " + status + " sends Location, not documented");
        }
        return body;
    }

    private void requestConforms(String path, String method, Object body) {
        assertThat("request to " + method + " " + path, doc.violations(JSON.valueToTree(body),
                doc.requestSchema(path, method)), is(empty()));
    }

    private static Response postJson(String path, Object body, Object... params) {
        return given().contentType(ContentType.JSON).body(body).post(path, params);
    }

    @Test
    void theValidatorCatchesWhatAStrictClientWould() {
        // Near misses: the checks above must be able to fail.
        JsonNode explanation = doc.component("Explanation");
        assertThat(doc.violations(tree("{\"rule\":\"r\",\"because\":[],\"source\":null,\"extra\":1}"), explanation),
                is(List.of("/extra: not in the document")));
        assertThat(doc.violations(tree("{\"rule\":1,\"because\":[],\"source\":null}"), explanation),
                is(List.of("/rule: 1 is not \"string\"")));
        assertThat(doc.violations(tree("{\"rule\":null,\"because\":[],\"source\":null}"), explanation),
                is(List.of("/rule: null is not \"string\"")));
        // Every property the service always sends is required (found by generating clients: all were optional).
        assertThat(doc.violations(tree("{\"rule\":\"r\",\"because\":[]}"), explanation),
                is(List.of("/source: required but absent")));
        assertThat(doc.violations(tree("{\"code\":\"x\",\"title\":\"t\",\"explanation\":null}"),
                doc.component("FindingView")), not(empty()));
        // A preview (no id, no createdAt) is an AssessmentView, never a stored assessment.
        JsonNode preview = tree(postJson("/api/v1/assessments/preview", body(null, answers())).then().statusCode(200)
                .extract().asString());
        assertThat(doc.violations(preview, doc.component("AssessmentView")), is(empty()));
        assertThat(doc.violations(preview, doc.component("StoredAssessment")),
                is(List.of("/id: required but absent", "/createdAt: required but absent")));
    }

    @Test
    void catalogueAndQuestionnaire() {
        conforms("/api/v1/questionnaire", "get", given().get("/api/v1/questionnaire"));
        conforms("/api/v1/exercises", "get", given().get("/api/v1/exercises"));
        // A dose without hold or tempo; a contraindication from house policy (no seed).
        conforms("/api/v1/exercises/{id}", "get", given().get("/api/v1/exercises/barbell-row"));
        conforms("/api/v1/exercises/{id}", "get", given().get("/api/v1/exercises/band-upright-row"));
        conforms("/api/v1/exercises/{id}", "get", given().get("/api/v1/exercises/no-such-exercise"));
        conforms("/api/v1/exercises", "get", given().queryParam("category", "bogus").get("/api/v1/exercises"));
        conforms("/api/v1/knowledge-base", "get", given().get("/api/v1/knowledge-base"));
    }

    @Test
    void assessmentsStoredReadListedReplayedAndRefused() {
        String ref = uniqueRef("openapi");
        // Shoulder pain and neck pain: exclusions and warnings whose explanation has no seed (source null).
        Map<String, Object> plan = body(ref, answers("shoulderPainOverhead", true, "neckPain", true,
                "neckPainSeverity", 4, "deskHoursPerDay", 8, "goal", "posture"));
        requestConforms("/api/v1/assessments", "post", plan);
        JsonNode stored = conforms("/api/v1/assessments", "post",
                given().contentType(ContentType.JSON).header("Idempotency-Key", ref).body(plan)
                        .post("/api/v1/assessments"));
        Map<String, Object> refer = body(ref, answers("nightPain", true));
        JsonNode referral = conforms("/api/v1/assessments", "post", postJson("/api/v1/assessments", refer));
        assertTrue(referral.get("plan").isNull(), "a referral has no plan");
        String id = stored.get("id").asText();
        conforms("/api/v1/assessments/{id}", "get", given().get("/api/v1/assessments/{id}", id));
        conforms("/api/v1/assessments/{id}", "get", given().get("/api/v1/assessments/{id}", "not-a-uuid"));
        conforms("/api/v1/assessments", "get", given().queryParam("clientRef", ref).get("/api/v1/assessments"));
        conforms("/api/v1/assessments", "get", given().queryParam("size", 0).get("/api/v1/assessments"));
        conforms("/api/v1/assessments/{id}/replay", "post", given().post("/api/v1/assessments/{id}/replay", id));
        conforms("/api/v1/assessments/{id}/replay", "post",
                given().post("/api/v1/assessments/{id}/replay", referral.get("id").asText()));
        // A preview without a clientRef (null in the body) and a referral preview.
        Map<String, Object> anonymous = body(null, answers("midBackStiffness", true));
        requestConforms("/api/v1/assessments/preview", "post", anonymous);
        JsonNode preview = conforms("/api/v1/assessments/preview", "post",
                postJson("/api/v1/assessments/preview", anonymous));
        assertTrue(preview.get("clientRef").isNull(), "no clientRef given");
        conforms("/api/v1/assessments/preview", "post", postJson("/api/v1/assessments/preview", refer));
        // Problems: invalid answers, a reused key with another body, a body that is not JSON.
        conforms("/api/v1/assessments", "post", postJson("/api/v1/assessments",
                Map.of("answers", Map.of("neckPainSeverity", 11, "bogus", true))));
        conforms("/api/v1/assessments", "post", given().contentType(ContentType.JSON).header("Idempotency-Key", ref)
                .body(refer).post("/api/v1/assessments"));
        conforms("/api/v1/assessments", "post", given().contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/assessments"));
    }

    @Test
    void intakeConversations() {
        Map<String, Object> start = Map.of("clientRef", uniqueRef("openapi-chat"));
        requestConforms("/api/v1/intakes", "post", start);
        JsonNode open = conforms("/api/v1/intakes", "post", postJson("/api/v1/intakes", start));
        String id = open.get("id").asText();
        Map<String, Object> some = Map.of("answers", Map.of("sharpOrWorseningPain", false, "neckPain", true));
        requestConforms("/api/v1/intakes/{id}/answers", "post", some);
        conforms("/api/v1/intakes/{id}/answers", "post", postJson("/api/v1/intakes/{id}/answers", some, id));
        // Every question answered: complete, no next question; then a change leaves a history entry.
        Map<String, Object> all = answers("neckPain", true, "neckPainSeverity", 3);
        JsonNode complete = conforms("/api/v1/intakes/{id}/answers", "post",
                postJson("/api/v1/intakes/{id}/answers", Map.of("answers", all,
                        "skip", optionalQuestionsLeft(all)), id));
        assertEquals("complete", complete.get("status").asText(), complete.toString());
        JsonNode changed = conforms("/api/v1/intakes/{id}/answers", "post",
                postJson("/api/v1/intakes/{id}/answers", Map.of("answers", Map.of("neckPain", false)), id));
        assertFalse(changed.get("history").isEmpty(), "the change and the dropped severity are recorded");
        conforms("/api/v1/intakes/{id}/assessment", "post", given().post("/api/v1/intakes/{id}/assessment", id));
        conforms("/api/v1/intakes/{id}", "get", given().get("/api/v1/intakes/{id}", id));
        // A red flag: referred, next null, a stop warning; then answers are refused (409).
        String referred = conforms("/api/v1/intakes", "post", postJson("/api/v1/intakes", Map.of()))
                .get("id").asText();
        conforms("/api/v1/intakes/{id}/answers", "post", postJson("/api/v1/intakes/{id}/answers",
                Map.of("answers", Map.of("numbnessOrTingling", true)), referred));
        conforms("/api/v1/intakes/{id}/answers", "post", postJson("/api/v1/intakes/{id}/answers",
                Map.of("answers", Map.of("neckPain", true)), referred));
        conforms("/api/v1/intakes/{id}", "get",
                given().get("/api/v1/intakes/{id}", "0f0e0d0c-0000-4000-8000-000000000000"));
    }

    /** The questionnaire's optional questions not in {@code answers}, to skip. */
    private List<String> optionalQuestionsLeft(Map<String, Object> answers) {
        List<String> skip = new ArrayList<>();
        for (JsonNode q : tree(given().get("/api/v1/questionnaire").asString()).get("items")) {
            String qid = q.get("id").asText();
            if (!q.get("required").asBoolean() && !answers.containsKey(qid) && !q.has("enableWhen")) {
                skip.add(qid);
            }
        }
        return skip;
    }

    /**
     * The Answers component has one typed property per question of the loaded questionnaire (added when the service
     * starts), so a generated client sends an integer as {@code 4}, not {@code 4.0}, and a list as a list. Every
     * answer set the service accepts conforms (scenario files and random valid sets, each posted as a preview), and
     * the answers it refuses break the schema too.
     */
    @Test
    void answersAreTypedPerQuestionAsTheQuestionnaireSays() {
        JsonNode answers = doc.component("Answers");
        JsonNode questionnaire = tree(given().get("/api/v1/questionnaire").then().statusCode(200).extract().asString());
        Map<String, String> jsonTypes = Map.of("boolean", "boolean", "integer", "integer", "choice", "string",
                "multi-choice", "array", "string", "string");
        List<String> ids = new ArrayList<>();
        for (JsonNode q : questionnaire.path("items")) {
            String id = q.path("id").asText();
            ids.add(id);
            JsonNode p = answers.path("properties").path(id);
            assertEquals(jsonTypes.get(q.path("type").asText()), p.path("type").asText(), id);
            assertThat(id, p.path("description").asText(), startsWith(q.path("text").asText()));
            List<JsonNode> codes = new ArrayList<>();
            q.path("options").forEach(o -> codes.add(o.path("code")));
            switch (q.path("type").asText()) {
                case "choice" -> assertEquals(codes, list(p.path("enum")), id);
                case "multi-choice" -> {
                    assertEquals(codes, list(p.path("items").path("enum")), id);
                    assertTrue(p.path("uniqueItems").asBoolean(), id);
                }
                case "integer" -> {
                    assertEquals(q.path("min"), p.path("minimum"), id);
                    assertEquals(q.path("max"), p.path("maximum"), id);
                }
                default -> {
                }
            }
        }
        List<String> documented = new ArrayList<>();
        answers.path("properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(ids, documented, "questionnaire order");
        // Forward compatible: an id added later still reads in an older client (the service refuses unknown ids).
        assertTrue(answers.path("additionalProperties").isObject());

        JsonNode schema = doc.requestSchema("/api/v1/assessments/preview", "post");
        List<Map<String, Object>> accepted = new ArrayList<>();
        ValidAnswers.of(questionnaireRecord()).sampleStream().limit(40).forEach(accepted::add);
        for (Map<String, Object> a : accepted) {
            Map<String, Object> request = Map.of("answers", a);
            assertThat(a.toString(), doc.violations(JSON.valueToTree(request), schema), is(empty()));
            conforms("/api/v1/assessments/preview", "post", postJson("/api/v1/assessments/preview", request));
        }

        // Near misses: what the service refuses, the schema refuses too, on an otherwise valid answer set.
        String number = firstOfType(questionnaire, "integer");
        String choice = firstOfType(questionnaire, "choice");
        String many = firstOfType(questionnaire, "multi-choice");
        String flag = firstOfType(questionnaire, "boolean");
        String code = firstCode(questionnaire, many);
        List<String[]> cases = List.of(new String[] { number, "4.0" }, new String[] { number, "99" },
                new String[] { number, "-1" }, new String[] { choice, "\"no-such-option\"" },
                new String[] { flag, "\"true\"" }, new String[] { many, "[\"x\"]" },
                new String[] { many, "\"" + code + "\"" }, new String[] { many, "[\"" + code + "\", \"" + code + "\"]" });
        for (String[] c : cases) {
            ObjectNode bad = JSON.valueToTree(answers());
            bad.set(c[0], tree(c[1]));
            assertFalse(doc.violations(bad, answers).isEmpty(), bad + " conforms");
            Map<String, Object> body = Map.of("answers", bad);
            given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments/preview").then()
                    .statusCode(400).body("errors.pointer", hasItem("/answers/" + c[0]));
        }
    }

    private Questionnaire questionnaireRecord() {
        return JSON.convertValue(tree(given().get("/api/v1/questionnaire").asString()),
                Questionnaire.class);
    }

    private static String firstOfType(JsonNode questionnaire, String type) {
        for (JsonNode q : questionnaire.path("items")) {
            if (type.equals(q.path("type").asText()) && q.path("enableWhen").isMissingNode()
                    && !q.path("redFlag").asBoolean()) {
                return q.path("id").asText();
            }
        }
        throw new AssertionError("no unconditional " + type + " question");
    }

    private static String firstCode(JsonNode questionnaire, String id) {
        for (JsonNode q : questionnaire.path("items")) {
            if (id.equals(q.path("id").asText())) {
                return q.path("options").path(0).path("code").asText();
            }
        }
        throw new AssertionError(id);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void healthIsDocumented() {
        conforms("/q/health/ready", "get", given().get("/q/health/ready"));
        conforms("/q/health", "get", given().get("/q/health"));
    }

    @Test
    void noEnumListsAValueTwice() {
        List<String> repeated = new ArrayList<>();
        repeatedEnumValues(tree(given().accept("application/json").get("/q/openapi?format=json").asString()), "",
                repeated);
        assertThat(repeated, is(empty()));
    }

    private static void repeatedEnumValues(JsonNode node, String at, List<String> out) {
        if (node.isObject() && node.path("enum").isArray()) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode value : node.get("enum")) {
                if (!seen.add(value)) {
                    out.add(at + ": " + value);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> child = it.next();
            repeatedEnumValues(child.getValue(), at + "/" + child.getKey(), out);
        }
    }
}
