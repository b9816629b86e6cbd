package org.posturecoach.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                is("#/components/schemas/StoredAssessment"));
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
        assertThat(doc.getString("components.schemas.Problem.properties.errors.items.'$ref'"),
                is("#/components/schemas/FieldError"));
        assertThat(doc.getMap("components.schemas.FieldError.properties").keySet(),
                containsInAnyOrder("pointer", "detail"));
    }

    /**
     * What a generated client needs, found by generating TypeScript and Java clients (openapi-generator 7): the
     * successes listed first (a generator took its Accept from the first answer listed, problem+json alone when a 422
     * came before the 201, and was refused with a 406); an operationId on every operation, each once; no request body
     * on the two POSTs that take none (a generated client sent a binary or null body); answers as the one Answers map.
     */
    @Test
    void aGeneratedClientGetsNamedOperationsSuccessesFirstAndTypedAnswers() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> ids = new HashSet<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                return;
            }
            List<String> statuses = new ArrayList<>(
                    ((Map<String, Object>) op.get("responses")).keySet());
            assertThat(path + " " + method + " " + statuses, statuses.get(0).startsWith("2"), is(true));
            if (path.startsWith("/api/")) {
                assertThat(path + " " + method + " " + statuses, statuses, is(statuses.stream().sorted().toList()));
                String id = (String) op.get("operationId");
                assertThat(path + " " + method, id, not(nullValue()));
                assertThat(id + " twice", ids.add(id), is(true));
            }
        }));
        assertThat(ids, hasItem("createAssessment"));
        for (String bodiless : new String[] { "/api/v1/assessments/{id}/replay", "/api/v1/intakes/{id}/assessment" }) {
            assertThat(bodiless, doc.get("paths.'" + bodiless + "'.post.requestBody"), nullValue());
        }
        // Near miss: a POST that takes a body keeps it.
        assertThat(doc.get("paths.'/api/v1/assessments'.post.requestBody"), not(nullValue()));
        for (String owner : List.of("AssessmentRequest", "IntakeAnswersRequest", "AssessmentView", "IntakeView")) {
            assertThat(owner, doc.getString("components.schemas." + owner + ".properties.answers.'$ref'"),
                    is("#/components/schemas/Answers"));
        }
        // Any value per id: an anyOf of the four kinds broke generated Java clients on list answers.
        assertThat(doc.getMap("components.schemas.Answers.additionalProperties"), is(Map.of()));
        String created = "paths.'/api/v1/assessments'.post.responses.'201'.headers";
        assertThat(doc.getMap(created), hasKey("Idempotent-Replayed"));
        assertThat(doc.getString(created + ".Location.description"), containsString("/api/v1/assessments/{id}"));
        assertThat(doc.getString("paths.'/api/v1/intakes'.post.responses.'201'.headers.Location.description"),
                containsString("/api/v1/intakes/{id}"));
    }

    /**
     * Every property the service always sends is required (a generated model made every field optional), and those it
     * leaves out when empty are not: a preview has no id, an item without a hold has no holdSeconds. The contract's
     * closed sets are enums. OpenApiConformanceTest checks real answers against these lists.
     */
    @Test
    void alwaysSentPropertiesAreRequiredAndClosedSetsAreEnums() {
        JsonPath doc = document();
        assertThat(doc.getList("components.schemas.AssessmentView.required"),
                hasItems("outcome", "findings", "warnings", "plan", "excluded", "firedRules",
                        "knowledgeBaseVersion", "answers", "clientRef"));
        assertThat(doc.getList("components.schemas.AssessmentView.required"), not(hasItem("id")));
        // A stored assessment has the same properties and always its id and createdAt; only a preview lacks them.
        assertThat(doc.getList("components.schemas.StoredAssessment.required"),
                hasItems("id", "createdAt", "outcome", "plan", "answers", "firedRules"));
        assertThat(doc.getMap("components.schemas.StoredAssessment.properties").keySet(),
                is(doc.getMap("components.schemas.AssessmentView.properties").keySet()));
        String stored = "#/components/schemas/StoredAssessment";
        String json = ".content.'application/json'.schema.'$ref'";
        assertThat(doc.getString("paths.'/api/v1/assessments/{id}'.get.responses.'200'" + json), is(stored));
        assertThat(doc.getString("paths.'/api/v1/intakes/{id}/assessment'.post.responses.'201'" + json), is(stored));
        assertThat(doc.getString("components.schemas.AssessmentPage.properties.items.items.'$ref'"), is(stored));
        assertThat(doc.getString("components.schemas.Replay.properties.assessment.'$ref'"), is(stored));
        assertThat(doc.getString("paths.'/api/v1/assessments/preview'.post.responses.'200'" + json),
                is("#/components/schemas/AssessmentView"));
        assertThat(doc.getList("components.schemas.Item.required"),
                hasItems("exerciseId", "name", "category", "sets", "perSide", "cues", "explanation"));
        assertThat(doc.getList("components.schemas.Item.required"), not(hasItem("holdSeconds")));
        assertThat(doc.getList("components.schemas.Question.required"),
                containsInAnyOrder("id", "text", "type", "required"));
        assertThat(doc.getList("components.schemas.Exercise.required"), hasItem("lowBackLoad"));
        assertThat(doc.getMap("components.schemas.Exercise.properties"), not(hasKey("contraindicationCodes")));
        assertThat(doc.getList("components.schemas.Problem.required"), containsInAnyOrder("type", "title", "status"));
        assertThat(doc.getList("components.schemas.AssessmentRequest.required"), containsInAnyOrder("answers"));
        assertThat(doc.getList("components.schemas.Outcome.enum"), containsInAnyOrder("plan", "refer"));
        assertThat(doc.getList("components.schemas.Severity.enum"), containsInAnyOrder("info", "caution", "stop"));
        assertThat(doc.getString("components.schemas.WarningView.properties.severity.'$ref'"),
                is("#/components/schemas/Severity"));
        String category = "paths.'/api/v1/exercises'.get.parameters.find { it.name == 'category' }";
        assertThat(doc.getString(category + ".schema.'$ref'"),
                is("#/components/schemas/ExerciseCategory"));
        assertThat(doc.getList("components.schemas.EnableWhenOperator.enum"),
                containsInAnyOrder("exists", "=", "!=", ">", "<", ">=", "<="));
    }
}
