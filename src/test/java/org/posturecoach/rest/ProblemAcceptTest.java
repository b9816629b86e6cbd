package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.posturecoach.rest.AssessmentFixtures.PATH;
import static org.posturecoach.rest.AssessmentFixtures.PROBLEM;
import static org.posturecoach.rest.AssessmentFixtures.answers;
import static org.posturecoach.rest.AssessmentFixtures.body;
import static org.posturecoach.rest.AssessmentFixtures.create;
import static org.posturecoach.rest.AssessmentFixtures.total;
import static org.posturecoach.rest.AssessmentFixtures.uniqueRef;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A client that accepts only {@code application/problem+json} gets the real error in that type (404, 400, 405,
 * 409, ...); only a success, which is JSON and no problem, is a 406, and then nothing is stored or changed.
 */
@QuarkusTest
class ProblemAcceptTest {

    private static final String INTAKES = "/api/v1/intakes";

    static RequestSpecification problemOnly() {
        return given().accept(PROBLEM);
    }

    static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(startsWith(PROBLEM))
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    static ValidatableResponse notAcceptable(Response response) {
        return problem(response, 406).body("type", endsWith("/not-acceptable")).header("Location", nullValue());
    }

    // ---------------------------------------------------------------- errors keep their status

    @Test
    void anUnknownExerciseIs404() {
        problem(problemOnly().get("/api/v1/exercises/nope"), 404).body("type", endsWith("/not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = { PROBLEM, PROBLEM + "; charset=UTF-8", "application/json;q=0, " + PROBLEM,
            "text/html, " + PROBLEM + ";q=0.5", "application/xml," + PROBLEM })
    void everyFormOfAProblemOnlyAcceptGetsTheError(String accept) {
        problem(given().accept(accept).get("/api/v1/exercises/nope"), 404);
    }

    @Test
    void unknownAssessmentsIntakesAndRoutesAre404() {
        problem(problemOnly().get(PATH + "/00000000-0000-4000-8000-000000000000"), 404);
        problem(problemOnly().post(PATH + "/00000000-0000-4000-8000-000000000000/replay"), 404);
        problem(problemOnly().get(INTAKES + "/00000000-0000-4000-8000-000000000000"), 404);
        problem(problemOnly().post(INTAKES + "/00000000-0000-4000-8000-000000000000/assessment"), 404);
        problem(problemOnly().get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void wrongMethodAndMediaTypeKeepTheirStatus() {
        // RFC 9110: a 405 carries Allow, and the detail names the accepted methods too.
        problem(problemOnly().delete("/api/v1/questionnaire"), 405)
                .header("Allow", allOf(containsString("GET"), not(containsString("DELETE"))))
                .body("detail", containsString("GET"));
        problem(problemOnly().get(INTAKES), 405).header("Allow", containsString("POST"));
        problem(problemOnly().delete(PATH + "/preview"), 405).header("Allow", equalTo("OPTIONS, POST"));
        problem(problemOnly().put(PATH + "/00000000-0000-4000-8000-000000000000"), 405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        problem(problemOnly().contentType(ContentType.TEXT).body("x").post(PATH + "/preview"), 415);
    }

    @Test
    void badRequestsAre400NamingTheField() {
        problem(problemOnly().contentType(ContentType.JSON).body(Map.of("answers", answers("neckPain", "yes")))
                .post(PATH + "/preview"), 400).body("errors.pointer", contains("/answers/neckPain"));
        String ref = uniqueRef("accept-400");
        problem(problemOnly().contentType(ContentType.JSON).body(body(ref, answers("daysPerWeek", 0))).post(PATH),
                400).body("errors.pointer", contains("/answers/daysPerWeek"));
        problem(problemOnly().contentType(ContentType.JSON).body("{\"answers\":{").post(PATH), 400)
                .body("title", equalTo("Malformed JSON"));
        problem(problemOnly().contentType(ContentType.JSON).body(Map.of("clientRef", " ")).post(INTAKES), 400)
                .body("errors.pointer", contains("/clientRef"));
        problem(problemOnly().queryParam("size", 0).get(PATH), 400).body("errors.pointer", contains("/query/size"));
        assertEquals(0, total(ref));
    }

    @Test
    void intakeConflictsAre409() {
        String id = startIntake(null);
        problem(problemOnly().post(INTAKES + "/" + id + "/assessment"), 409);
        problem(problemOnly().contentType(ContentType.JSON).body(Map.of("answers", Map.of("nightPain", "x")))
                .post(INTAKES + "/" + id + "/answers"), 400).body("errors.pointer", contains("/answers/nightPain"));
    }

    // ---------------------------------------------------------------- successes are 406 and change nothing

    @Test
    void readsThatWouldSucceedAre406() {
        notAcceptable(problemOnly().get("/api/v1/exercises/chin-tuck"));
        notAcceptable(problemOnly().get("/api/v1/questionnaire"));
        String id = create(uniqueRef("accept-get"), answers()).get("id").asText();
        notAcceptable(problemOnly().get(PATH + "/" + id));
        notAcceptable(problemOnly().post(PATH + "/" + id + "/replay"));
        notAcceptable(problemOnly().contentType(ContentType.JSON).body(body(null, answers())).post(PATH + "/preview"));
    }

    @Test
    void aValidAssessmentIs406AndNothingIsStored() {
        String ref = uniqueRef("accept-406");
        notAcceptable(problemOnly().contentType(ContentType.JSON).body(body(ref, answers())).post(PATH))
                .header("Idempotent-Replayed", nullValue());
        notAcceptable(problemOnly().contentType(ContentType.JSON).header("Idempotency-Key", ref)
                .body(body(ref, answers())).post(PATH));
        assertEquals(0, total(ref));
        // The same key afterwards makes the first assessment: the 406 stored nothing under it.
        given().contentType(ContentType.JSON).header("Idempotency-Key", ref).body(body(ref, answers())).post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "false");
        assertEquals(1, total(ref));
    }

    @Test
    void aValidIntakeTurnIs406AndChangesNothing() {
        notAcceptable(problemOnly().contentType(ContentType.JSON).body(Map.of("clientRef", "accept")).post(INTAKES));

        String id = startIntake(null);
        notAcceptable(problemOnly().contentType(ContentType.JSON).body(Map.of("answers", Map.of("nightPain", true)))
                .post(INTAKES + "/" + id + "/answers"));
        given().get(INTAKES + "/" + id).then().statusCode(200).body("status", equalTo("in-progress"))
                .body("answers", equalTo(Map.of()));
        notAcceptable(problemOnly().get(INTAKES + "/" + id));
    }

    @Test
    void assessingAReferredIntakeIs406AndStoresNoAssessment() {
        String ref = uniqueRef("accept-intake");
        String id = startIntake(ref);
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("nightPain", true)))
                .post(INTAKES + "/" + id + "/answers").then().statusCode(200).body("status", equalTo("referred"));

        notAcceptable(problemOnly().post(INTAKES + "/" + id + "/assessment"));
        assertEquals(0, total(ref));
        given().get(INTAKES + "/" + id).then().body("status", equalTo("referred")).body("assessmentId", nullValue());

        given().post(INTAKES + "/" + id + "/assessment").then().statusCode(201);
        notAcceptable(problemOnly().post(INTAKES + "/" + id + "/assessment"));
        assertEquals(1, total(ref));
    }

    // Found by an audit: "application/json;q=0" names JSON only to refuse it (RFC 9110 section 12.4.2), yet the
    // assessment was stored and sent as JSON. Taking neither JSON nor problem+json is a 406 before anything runs.
    @ParameterizedTest
    @ValueSource(strings = { "application/json;q=0", "*/*;q=0", "application/json;q=0.0, text/html",
            "application/*;q=0, " + PROBLEM + ";q=0", "text/html" })
    void anAcceptThatRefusesJsonAndProblemsIs406AndStoresNothing(String accept) {
        String ref = uniqueRef("accept-q0");
        notAcceptable(given().accept(accept).contentType(ContentType.JSON).body(body(ref, answers())).post(PATH))
                .body("detail", equalTo("This resource answers in application/json"));
        notAcceptable(given().accept(accept).get("/api/v1/exercises/chin-tuck"));
        notAcceptable(given().accept(accept).contentType(ContentType.JSON).body(body(ref, answers()))
                .post(PATH + "/preview"));
        assertEquals(0, total(ref));
        // Near miss: a q above zero, or an empty Accept (none named), is served.
        given().accept("application/json;q=0.001").contentType(ContentType.JSON).body(body(ref, answers())).post(PATH)
                .then().statusCode(201);
        assertEquals(1, total(ref));
    }

    // Found by an audit: RFC 9110 allows whitespace before a parameter's ";", which the framework refused (406).
    @ParameterizedTest
    @ValueSource(strings = { "application/json ; q=0.5", "application/json ;q=1", "text/html, application/json ; q=0.9" })
    void whitespaceBeforeAParameterIsRead(String accept) {
        given().accept(accept).get("/api/v1/exercises/chin-tuck").then().statusCode(200).body("id", equalTo("chin-tuck"));
        problem(given().accept(PROBLEM + " ; q=0.5").get("/api/v1/exercises/nope"), 404);
        notAcceptable(given().accept("application/json ; q=0").get("/api/v1/exercises/chin-tuck"));
    }

    @Test
    void anEmptyAcceptIsServed() {
        given().header("Accept", "").get("/api/v1/exercises/chin-tuck").then().statusCode(200);
    }

    @Test
    void anAcceptThatAlsoTakesJsonGetsTheUsualAnswer() {
        given().accept(PROBLEM + ", application/json;q=0.5").get("/api/v1/exercises/chin-tuck").then()
                .statusCode(200).contentType(ContentType.JSON).body("id", equalTo("chin-tuck"));
        given().accept("application/*").get("/api/v1/exercises/chin-tuck").then().statusCode(200);
        given().accept(PROBLEM + ", */*;q=0.1").get("/api/v1/exercises/chin-tuck").then().statusCode(200);
    }

    private static String startIntake(String clientRef) {
        return given().contentType(ContentType.JSON)
                .body(clientRef == null ? Map.of() : Map.of("clientRef", clientRef)).post(INTAKES)
                .then().statusCode(201).extract().path("id");
    }
}
