package org.posturecoach.rest;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.posturecoach.rules.RuleHarness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Request bodies and calls shared by the assessment HTTP tests. Every test makes its own clientRef. */
final class AssessmentFixtures {

    static final String PATH = "/api/v1/assessments";
    static final String PROBLEM = "application/problem+json";
    static final String UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    static final ObjectMapper JSON = new ObjectMapper();

    private AssessmentFixtures() {
    }

    /** A clientRef no other test uses, so that lists only hold this test's rows. */
    static String uniqueRef(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Complete, valid answers without symptoms (the rules' baseline), plus extra key/value pairs. */
    static Map<String, Object> answers(Object... kv) {
        return new LinkedHashMap<>(RuleHarness.with(RuleHarness.baseline(), kv));
    }

    static Map<String, Object> body(String clientRef, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (clientRef != null) {
            body.put("clientRef", clientRef);
        }
        body.put("answers", answers);
        return body;
    }

    static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PATH);
    }

    static Response post(Object body, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .when().post(PATH);
    }

    /** Stores one assessment and returns its body. */
    static JsonNode create(String clientRef, Map<String, Object> answers) {
        return tree(post(body(clientRef, answers)).then().statusCode(201).extract().asString());
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static int total(String clientRef) {
        return given().queryParam("clientRef", clientRef).when().get(PATH).then().statusCode(200)
                .extract().path("total");
    }
}
