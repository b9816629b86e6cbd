package org.posturecoach.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document a clinic integrator generates a client from says what the service does: the status codes it
 * answers with (201 on create, not 200), the problem+json answers of each operation, and typed query parameters.
 */
@QuarkusTest
class ApiDocumentTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static JsonPath document() {
        return given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String responses(String path, String method) {
        return "paths.'" + path + "'." + method + ".responses";
    }

    /** The schema reference of one documented answer's problem+json body. */
    private static String problemSchema(JsonPath doc, String responses, String status) {
        return doc.getString(responses + ".'" + status + "'.content.'application/problem+json'.schema.'$ref'");
    }

    /** A create is documented as 201, never 200. */
    private static void assertCreated(JsonPath doc, String responses) {
        assertThat(doc.getMap(responses), hasKey("201"));
        assertThat(doc.getMap(responses), not(hasKey("200")));
    }

    @Test
    void creatingAnAssessmentIsDocumentedAs201WithItsBodyAnd422ForAReusedKey() {
        JsonPath doc = document();
        String r = responses("/api/v1/assessments", "post");
        assertCreated(doc, r);
        assertThat(doc.getString(r + ".'201'.content.'application/json'.schema.'$ref'"),
                containsString("AssessmentView"));
        for (String status : new String[] { "400", "406", "413", "415", "422" }) {
            assertThat(status, problemSchema(doc, r, status), is(PROBLEM_REF));
        }
        // A collection POST has no {id}: no 404.
        assertThat(doc.getMap(r), not(hasKey("404")));
    }

    @Test
    void readingByIdDocuments404AndNo400OrBodyErrors() {
        JsonPath doc = document();
        String r = responses("/api/v1/assessments/{id}", "get");
        assertThat(problemSchema(doc, r, "404"), is(PROBLEM_REF));
        assertThat(doc.getMap(r), hasKey("200"));
        for (String status : new String[] { "400", "413", "415" }) {
            assertThat(doc.getMap(r), not(hasKey(status)));
        }
    }

    @Test
    void intakesDocumentTheirCreatedAndConflictAnswers() {
        JsonPath doc = document();
        String start = responses("/api/v1/intakes", "post");
        assertCreated(doc, start);
        // The body of a start ({clientRef}) is optional.
        assertThat(doc.get("paths.'/api/v1/intakes'.post.requestBody.required"),
                not(is(true)));
        String assess = responses("/api/v1/intakes/{id}/assessment", "post");
        assertThat(doc.getMap(assess).keySet(), hasItem("201"));
        // A repeated call gets the first response again (201, replayed), as the contract's "→ 201" says: no 200.
        assertThat(doc.getMap(assess).keySet(), not(hasItem("200")));
        assertThat(problemSchema(doc, assess, "409"), is(PROBLEM_REF));
        assertThat(problemSchema(doc, responses("/api/v1/intakes/{id}/answers", "post"), "409"), is(PROBLEM_REF));
        // A 200 keeps its JSON body: only 4xx answers get the problem body.
        assertThat(doc.get(assess + ".'201'.content.'application/problem+json'"),
                nullValue());
    }

    // A POST that takes no body still refuses one over 64 KiB (413) or compressed or in another charset (415, found
    // missing by an audit: the service answered it, the document did not list it), and a replay whose stored answers
    // no longer fit the questionnaire is a 409; near miss: a GET has neither.
    @Test
    void bodilessPostsDocumentTheirLimitAndReplayItsConflict() {
        JsonPath doc = document();
        String replay = responses("/api/v1/assessments/{id}/replay", "post");
        String assess = responses("/api/v1/intakes/{id}/assessment", "post");
        for (String r : new String[] { replay, assess }) {
            assertThat(problemSchema(doc, r, "413"), is(PROBLEM_REF));
            assertThat(problemSchema(doc, r, "415"), is(PROBLEM_REF));
        }
        String read = responses("/api/v1/intakes/{id}", "get");
        assertThat(doc.getMap(read), not(hasKey("413")));
        assertThat(doc.getMap(read), not(hasKey("415")));
        assertThat(problemSchema(doc, replay, "409"), is(PROBLEM_REF));
        assertThat(doc.getMap(replay), hasKey("200"));
    }

    @Test
    void pagingParametersAreIntegersWithTheirBounds() {
        JsonPath doc = document();
        String params = "paths.'/api/v1/assessments'.get.parameters";
        assertThat(doc.getString(params + ".find { it.name == 'page' }.schema.type"),
                is("integer"));
        assertThat(doc.getString(params + ".find { it.name == 'size' }.schema.maximum"),
                is("100"));
        assertThat(doc.getString(params + ".find { it.name == 'size' }.schema.minimum"),
                is("1"));
    }

    @Test
    void theProblemSchemaNamesItsFields() {
        JsonPath doc = document();
        assertThat(doc.getMap("components.schemas.Problem.properties").keySet(),
                containsInAnyOrder("type", "title", "status", "detail", "errors"));
        assertThat(
                doc.getMap("components.schemas.Problem.properties.errors.items.properties").keySet(),
                containsInAnyOrder("pointer", "detail"));
    }
}
