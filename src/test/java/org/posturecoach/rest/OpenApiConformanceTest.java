package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
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

import com.fasterxml.jackson.databind.JsonNode;

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
