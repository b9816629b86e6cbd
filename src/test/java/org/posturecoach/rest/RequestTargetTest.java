package org.posturecoach.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.posturecoach.rest.AssessmentFixtures.PATH;
import static org.posturecoach.rest.AssessmentFixtures.PROBLEM;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** The request target is checked before a resource is matched: methods by the most literal path, no matrix params. */
@QuarkusTest
class RequestTargetTest {

    // Quarkus REST would hand GET /preview to GET /{id} and answer "Assessment preview does not exist"; the path's own
    // methods say 405. Near miss: a GET of an id is a read (404 for an unknown one), not a 405.
    @ParameterizedTest
    @ValueSource(strings = { "GET", "PUT", "PATCH", "DELETE" })
    void aMethodThePreviewPathDoesNotTakeIs405WithAllow(String method) {
        given().when().request(method, PATH + "/preview").then().statusCode(405).contentType(PROBLEM)
                .header("Allow", equalTo("OPTIONS, POST")).body("status", equalTo(405));
        given().when().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @org.junit.jupiter.api.Test
    void headOfThePreviewPathIs405Too() {
        given().when().head(PATH + "/preview").then().statusCode(405).header("Allow", equalTo("OPTIONS, POST"));
    }

    // Found by an audit: OPTIONS answered "HEAD, POST, GET, OPTIONS" on every path, whatever it takes; it now gives
    // the same Allow as that path's 405 (RFC 9110). Near miss: a path no resource has stays a 404.
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "/api/v1/assessments/preview | OPTIONS, POST",
            "/api/v1/assessments | GET, HEAD, OPTIONS, POST",
            "/api/v1/assessments/3f1c | GET, HEAD, OPTIONS",
            "/api/v1/assessments/3f1c/replay | OPTIONS, POST",
            "/api/v1/intakes/3f1c/answers | OPTIONS, POST",
            "/api/v1/exercises/chin-tuck | GET, HEAD, OPTIONS" })
    void optionsAnswersWithThePathsOwnAllow(String path, String allow) {
        given().when().options(path).then().statusCode(200).header("Allow", equalTo(allow));
        given().when().delete(path).then().statusCode(405).header("Allow", equalTo(allow));
        given().when().options("/api/v1/nothing-here").then().statusCode(404);
        // Found by an audit: a path under a real resource that no method takes was a 200 with the class's methods.
        for (String none : new String[] { "/api/v1/exercises/chin-tuck/x", "/api/v1/intakes/x/nope",
                "/api/v1/questionnaire/x" }) {
            given().when().options(none).then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        }
    }

    // Found by an audit: with an encoded slash the Allow header was read from the decoded path (a/b: two segments)
    // while the router keeps "a%2Fb" as one id. Every 405 and OPTIONS now name the methods of the path as routed.
    @org.junit.jupiter.api.Test
    void anEncodedSlashStaysInsideItsSegment() {
        given().urlEncodingEnabled(false).when().post(PATH + "/a%2Fb").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().urlEncodingEnabled(false).when().options(PATH + "/a%2Fb").then().statusCode(200)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().urlEncodingEnabled(false).when().get(PATH + "/a%2Fb").then().statusCode(404).contentType(PROBLEM);
        given().urlEncodingEnabled(false).when().get(PATH + "%2Fpreview").then().statusCode(404).contentType(PROBLEM);
    }

    // JAX-RS drops matrix parameters, so "/assessments/;" read as the clinic's whole listing and
    // "/exercises/chin-tuck;v=1" as the chin tuck. Near miss: the plain paths answer.
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/assessments/;", "/api/v1/assessments;x=1", "/api/v1/exercises/chin-tuck;v=1",
            "/api/v1/intakes/;" })
    void aPathWithMatrixParametersIs404(String path) {
        given().urlEncodingEnabled(false).when().get(path).then().statusCode(404).contentType(PROBLEM)
                .body("detail", startsWith("No resource at this path: matrix parameters"));
        given().when().get("/api/v1/exercises/chin-tuck").then().statusCode(200).body("id", equalTo("chin-tuck"));
        given().when().get(PATH).then().statusCode(200);
    }
}
