package org.posturecoach.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The service after start: health, API docs, the knowledge-base view, and problem+json for every error. */
@QuarkusTest
class HealthAndErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL base;

    @Test
    void liveIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }

    @Test
    void readyIsUpWithTheKnowledgeBaseAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("knowledge-base"))
                .body("checks.find { it.name == 'knowledge-base' }.status", is("UP"))
                .body("checks.find { it.name == 'knowledge-base' }.data.version", matchesPattern("[0-9a-f]{64}"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.status", everyItem(is("UP")));
    }

    // Found by an audit: health and the OpenAPI document answered DELETE, PUT or any method with a 200 and the whole
    // body. Another method is a 405 problem with Allow, OPTIONS gives the Allow; near miss: GET and HEAD still read.
    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/openapi", "/q/openapi.json",
            "/q/openapi.yaml", "/q/openapi.yml" })
    void quarkusEndpointsAnswerOnlyReads(String path) {
        for (String method : new String[] { "DELETE", "PUT", "PATCH", "POST" }) {
            given().when().request(method, path).then().statusCode(405).contentType(PROBLEM)
                    .header("Allow", is("GET, HEAD, OPTIONS")).body("status", is(405));
        }
        given().when().options(path).then().statusCode(200).header("Allow", is("GET, HEAD, OPTIONS"));
        given().when().get(path).then().statusCode(200);
        given().when().head(path).then().statusCode(200);
    }

    @Test
    void openApiIsServed() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", hasKey("/api/v1/knowledge-base"))
                .body("paths", hasKey("/api/v1/assessments/preview"));
    }

    @Test
    void knowledgeBaseTellsVersionLoadTimeAndRulesPerFile() {
        Response r = given().when().get("/api/v1/knowledge-base")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("version", matchesPattern("[0-9a-f]{64}"))
                // Six fraction digits like every timestamp of the API (the service's own format, not Jackson's).
                .body("loadedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z"))
                .body("rulesByFile", hasKey("posturecoach/triage/red-flags.drl"))
                .body("rulesByFile", hasKey("posturecoach/volume/volume.drl"))
                .body("rulesByFile.'posturecoach/volume/volume.drl'",
                        hasItem("Volume: trim main sets to the weekly cap of 12"))
                .body("rulesByFile.'posturecoach/triage/red-flags.drl'", hasItem(
                        "Triage: any red flag stops the plan and refers the client to a medical professional"))
                .extract().response();
        Instant loadedAt = Instant.parse(r.path("loadedAt"));
        assertFalse(loadedAt.isAfter(Instant.now()), "loadedAt is in the future: " + loadedAt);
    }

    @Test
    void unknownRouteIs404Problem() {
        problem(given().when().get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void unknownRouteOutsideTheApiIs404Problem() {
        problem(given().when().get("/no-such-page"), 404);
    }

    @Test
    void aRequestWithoutHostIs400Problem() throws IOException {
        String[] response = raw("GET /api/v1/questionnaire HTTP/1.1\r\n");
        assertEquals("400", response[0]);
        assertTrue(response[1].startsWith(PROBLEM), "content type " + response[1]);
        assertTrue(response[2].contains("\"status\":400") && response[2].contains("Host"), response[2]);
    }

    // Quarkus's own check answered these with an empty 400; the router's check names the fault in a problem.
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/assessments/%ZZ", "/api/v1/questionnaire?%ZZ=1",
            "/api/v1/assessments?clientRef=%E0%A4%A", "/no-such-page/%zz" })
    void aRequestTargetThatIsNotAValidUriIs400Problem(String target) throws IOException {
        String[] response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        assertEquals("400", response[0]);
        assertTrue(response[1].startsWith(PROBLEM), "content type " + response[1]);
        assertTrue(response[2].contains("\"status\":400") && response[2].contains("not a valid URI"), response[2]);
    }

    // Found by an audit: a target that is no path ("*", a path without its leading slash) got the router's empty 404.
    // It is a 400 problem; OPTIONS * asks about the whole server (RFC 9110 section 9.3.7) and gets its methods.
    @ParameterizedTest
    @ValueSource(strings = { "GET *", "POST *", "GET api/v1/questionnaire", "OPTIONS api/v1/questionnaire" })
    void aRequestTargetThatIsNoPathIs400Problem(String line) throws IOException {
        String[] response = raw(line + " HTTP/1.1\r\nHost: localhost\r\n");
        assertEquals("400", response[0]);
        assertTrue(response[1].startsWith(PROBLEM), "content type " + response[1]);
        assertTrue(response[2].contains("\"status\":400") && response[2].contains("must be a path that starts with /"),
                response[2]);
    }

    @Test
    void optionsStarListsTheServersMethods() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
            assertTrue(raw.contains("Allow: GET, HEAD, POST, OPTIONS\r\n"), raw);
        }
    }

    @Test
    void aWellEncodedUnknownIdIsStill404NotMalformed() throws IOException {
        String[] response = raw("GET /api/v1/assessments/%7A%7A HTTP/1.1\r\nHost: localhost\r\n");
        assertEquals("404", response[0]);
        assertTrue(response[2].contains("\"status\":404"), response[2]);
    }

    /** Status, Content-Type and body of a request whose line and headers are sent byte for byte. */
    private String[] raw(String requestLineAndHeaders) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLineAndHeaders + "Accept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
            String type = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
            return new String[] { head.split(" ")[1], type, raw.substring(head.length() + 4) };
        }
    }

    @Test
    void malformedJsonIs400Problem() {
        problem(given().contentType(ContentType.JSON).body("{\"answers\": {\"neckPain\": tru")
                .when().post("/api/v1/assessments/preview"), 400);
    }

    @Test
    void wrongMethodIs405Problem() {
        problem(given().when().delete("/api/v1/questionnaire"), 405);
    }

    @Test
    void wrongContentTypeIs415Problem() {
        problem(given().contentType(ContentType.TEXT).body("neckPain=true")
                .when().post("/api/v1/assessments/preview"), 415);
    }

    @Test
    void unknownTopLevelFieldIs400NamingIt() {
        problem(given().contentType(ContentType.JSON).body("{\"answers\": {}, \"colour\": \"blue\"}")
                .when().post("/api/v1/assessments/preview"), 400)
                .body("errors.pointer", hasItem("/colour"));
    }

    @Test
    void noBodyIs400Problem() {
        problem(given().contentType(ContentType.JSON).when().post("/api/v1/assessments/preview"), 400);
    }

    @Test
    void aBodyThatIsNotAnObjectIs400Problem() {
        problem(given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/v1/assessments/preview"), 400);
    }

    /** An RFC 9457 body with the given status and no trace of the implementation. */
    private static ValidatableResponse problem(Response response, int status) {
        String body = response.asString();
        for (String leak : new String[] { "Exception", "at org.", "java.", "\tat " }) {
            assertFalse(body.contains(leak), "the body leaks '" + leak + "': " + body);
        }
        return response.then()
                .statusCode(status)
                .contentType(startsWith(PROBLEM))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", is(status))
                .body("detail", notNullValue())
                .body("$", not(hasKey("trace")));
    }
}
