package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.posturecoach.rest.AssessmentFixtures.JSON;
import static org.posturecoach.rest.AssessmentFixtures.PATH;
import static org.posturecoach.rest.AssessmentFixtures.PROBLEM;
import static org.posturecoach.rest.AssessmentFixtures.answers;
import static org.posturecoach.rest.AssessmentFixtures.body;
import static org.posturecoach.rest.AssessmentFixtures.total;
import static org.posturecoach.rest.AssessmentFixtures.uniqueRef;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * A request body is exactly one well-formed JSON value on every JSON endpoint: content after it, a truncated body
 * and a key given twice are 400 problem+json that say the JSON is malformed (never "wrong type").
 */
@QuarkusTest
class StrictJsonTest {

    private static final String INTAKES = "/api/v1/intakes";

    /** An endpoint with a body it accepts; {@code path} may need a fresh intake, hence a supplier. */
    record Endpoint(String name, java.util.function.Supplier<String> path, String validBody, int success) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String newIntake() {
        return given().contentType(ContentType.JSON).body("{}").post(INTAKES).then().statusCode(201)
                .extract().path("id");
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("assessments", () -> PATH, write(body("strict-json", answers())), 201),
                new Endpoint("preview", () -> PATH + "/preview", write(body("strict-json", answers())), 200),
                new Endpoint("intakes", () -> INTAKES, "{\"clientRef\":\"strict-json\"}", 201),
                new Endpoint("intake answers", () -> INTAKES + "/" + newIntake() + "/answers",
                        "{\"answers\":{\"nightPain\":false}}", 200));
    }

    static Stream<Arguments> trailingContent() {
        return endpoints().flatMap(e -> Stream.of(
                Arguments.of(e, e.validBody() + "xyz"),
                Arguments.of(e, e.validBody() + " xyz"),
                Arguments.of(e, e.validBody() + e.validBody()),
                Arguments.of(e, e.validBody() + "\n" + e.validBody()),
                Arguments.of(e, e.validBody() + " 5"),
                Arguments.of(e, e.validBody() + "]"),
                Arguments.of(e, e.validBody() + "{")));
    }

    static Response post(String path, String text) {
        return given().contentType(ContentType.JSON).body(text).when().post(path);
    }

    static ValidatableResponse malformed(Response response) {
        String text = response.asString();
        for (String leak : new String[] { "Exception", "java.", "com.fasterxml", "Source: ", "REDACTED" }) {
            assertFalse(text.contains(leak), "the body leaks '" + leak + "': " + text);
        }
        return response.then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("type", endsWith("/invalid-request"))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", startsWith("The request body is not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theValidBodyIsAcceptedAlsoWithTrailingWhitespace(Endpoint e) {
        post(e.path().get(), e.validBody()).then().statusCode(e.success());
        post(e.path().get(), e.validBody() + " \n\t\r\n ").then().statusCode(e.success());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("trailingContent")
    void contentAfterTheJsonValueIs400Malformed(Endpoint e, String text) {
        malformed(post(e.path().get(), text))
                .body("detail", matchesPattern(".*line \\d+, column \\d+.*"))
                .body("errors", nullValue());
    }

    @Test
    void aBodyWithTrailingContentStoresNothing() {
        String ref = uniqueRef("trailing");
        String valid = write(body(ref, answers()));
        malformed(post(PATH, valid + "xyz"));
        malformed(post(PATH, valid + valid));
        assertEquals(0, total(ref));
        malformed(post(INTAKES, "{\"clientRef\":\"" + ref + "\"}{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aTruncatedBodyIsNotValidJsonWithItsPosition(Endpoint e) {
        String truncated = e.validBody().substring(0, e.validBody().length() - 1);
        malformed(post(e.path().get(), truncated))
                .body("detail", containsString("line 1, column " + (truncated.length() + 1)))
                .body("detail", containsString("ends before"))
                .body("errors", nullValue());
    }

    @Test
    void truncatedAnswersAreNotValidJsonRatherThanTheWrongType() {
        malformed(post(PATH, "{\"answers\":{"))
                .body("detail", equalTo("The request body is not valid JSON at line 1, column 13: "
                        + "the body ends before the JSON value is complete"))
                .body("errors", nullValue());
        malformed(post(PATH + "/preview", "{\"answers\":{\"neckPain\":tru}}"))
                .body("detail", containsString("line 1, column"))
                .body("detail", containsString("'tru'"))
                .body("errors", nullValue());
        malformed(post(PATH, "{\"answers\":\n  {\"nightPain\": false,\n   \"neckPain\": [1,"))
                .body("detail", containsString("line 3"));
    }

    // JSON has no NaN or Infinity: the detail says so in words, not as the parser's advice on its own switches.
    @ParameterizedTest
    @ValueSource(strings = { "NaN", "Infinity", "-Infinity" })
    void nonFiniteNumbersAreNotJsonAndTheDetailSaysWhy(String token) {
        String detail = malformed(post(PATH + "/preview", "{\"answers\":{\"deskHoursPerDay\":" + token + "}}"))
                .body("detail", containsString("JSON numbers are finite (no NaN or Infinity)"))
                .extract().path("detail");
        assertFalse(detail.contains("enable") || detail.contains("JsonReadFeature"), detail);
    }

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of(PATH, "{\"answers\":{\"experience\":\"beginner\",\"experience\":\"advanced\"}}",
                        "/answers/experience"),
                Arguments.of(PATH + "/preview",
                        "{\"clientRef\":\"a\",\"answers\":{\"nightPain\":false},\"clientRef\":\"b\"}", "/clientRef"),
                Arguments.of(PATH, "{\"answers\":{\"equipment\":[\"none\"]},\"answers\":{}}", "/answers"),
                Arguments.of(PATH, "{\"answers\":{\"a/b~c\":1,\"a/b~c\":2}}", "/answers/a~1b~0c"),
                Arguments.of(INTAKES, "{\"clientRef\":\"a\",\"clientRef\":\"a\"}", "/clientRef"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("duplicateKeys")
    void aDuplicatedKeyIs400NamingIt(String path, String text, String pointer) {
        malformed(post(path, text))
                .body("detail", containsString("given twice"))
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo(pointer))
                .body("errors[0].detail", equalTo("duplicate key"))
                .body("errors.detail", not(contains("has the wrong type")));
    }

    @Test
    void aDuplicatedKeyInIntakeAnswersIs400NamingIt() {
        malformed(post(INTAKES + "/" + newIntake() + "/answers",
                "{\"answers\":{\"nightPain\":false,\"recentInjury\":true,\"nightPain\":true}}"))
                .body("errors[0].pointer", equalTo("/answers/nightPain"))
                .body("errors[0].detail", equalTo("duplicate key"));
    }

    @Test
    void shapeErrorsStillNameTheField() {
        // Well-formed JSON of the wrong shape is not "malformed": it keeps naming the field.
        post(PATH, "{\"clientRef\":5,\"answers\":{}}").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/clientRef"))
                .body("errors[0].detail", equalTo("has the wrong type: must be a string"));
        post(PATH, "[]").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo(""))
                .body("errors[0].detail", equalTo("must be a JSON object"));
        post(PATH, "{\"answers\":{},\"colour\":\"blue\"}").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/colour"));
    }

    // A shape error does not hide the rest: one 400 names the wrong-typed clientRef, the unknown field, the bad
    // answer and every missing required answer. Near miss: a null clientRef is simply absent.
    @Test
    void aShapeErrorIsReportedWithEveryOtherProblem() {
        for (String path : List.of(PATH, PATH + "/preview")) {
            post(path, "{\"clientRef\":7,\"bar\":2,\"answers\":{\"daysPerWeek\":0}}").then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.pointer", hasItems("/clientRef", "/bar", "/answers/daysPerWeek",
                            "/answers/experience", "/answers/equipment", "/answers/nightPain"))
                    .body("errors.find { it.pointer == '/bar' }.detail", startsWith("is not a known field"));
        }
        post(PATH + "/preview", "{\"clientRef\":null,\"answers\":{\"daysPerWeek\":0}}").then().statusCode(400)
                .body("errors.pointer", not(hasItem("/clientRef")))
                .body("errors.pointer", hasItem("/answers/daysPerWeek"));
        String intake = newIntake();
        post(INTAKES + "/" + intake + "/answers", "{\"answers\":{\"daysPerWeek\":0},\"foo\":1,\"skip\":\"goal\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", containsInAnyOrder("/foo", "/skip", "/answers/daysPerWeek"));
        post(INTAKES + "/" + intake + "/answers", "{\"skip\":[\"goal\",3]}").then().statusCode(400)
                .body("errors.pointer", contains("/skip/1"));
        // Nothing was stored by the rejected turns.
        given().get(INTAKES + "/" + intake).then().statusCode(200).body("answers.size()", equalTo(0));
    }
}
