package org.posturecoach.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.posturecoach.rest.exception.Problem;

/**
 * Documents in the OpenAPI document the problem+json answers every API operation can give, from the shape of the
 * operation, so that no resource method repeats them: 400 on every POST and where there is a query or a header to
 * validate, 404 where the path names an {@code {id}}, 413 and 415 on every POST (a body sent to a POST that takes none
 * is limited and checked too), 406 everywhere. Answers only some operations give (409, 422) are annotated on those
 * methods with a status and a description only: every 4xx documented without a body gets the problem+json body here.
 * Each operation then lists its answers by status, successes first. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA = "Problem";
    private static final String FIELD_ERROR = "FieldError";
    private static final String API = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(FIELD_ERROR, fieldErrorSchema());
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.getOperations().forEach((method, operation) ->
                        document(path, method == PathItem.HttpMethod.POST, operation));
            }
        });
    }

    private static void document(String path, boolean post, Operation operation) {
        boolean body = operation.getRequestBody() != null;
        boolean validated = body || post || (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER));
        if (validated) {
            add(operation, 400, "Invalid request: `errors` names every problem with a JSON pointer");
        }
        if (path.contains("{id}")) {
            add(operation, 404, "No such id");
        }
        if (body || post) {
            add(operation, 413, "The body is over 64 KiB");
        }
        if (body || post) {
            // The Content-Encoding and charset checks run before routing: a POST that takes no body refuses a gzip
            // or UTF-16 one too.
            add(operation, 415, body ? "The body is not uncompressed UTF-8 application/json"
                    : "The body sent anyway is compressed or declared in a charset other than UTF-8");
        }
        add(operation, 406, "The client accepts neither JSON nor problem+json");
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
        // By status, so the successes come first: a generated client took its Accept from the first answer listed
        // (application/problem+json alone, when a 422 came before the 201) and was refused with a 406.
        operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
    }

    /** Adds a problem response unless the operation already documents that status. */
    private static void add(Operation operation, int status, String description) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse(String.valueOf(status))) {
            responses.addAPIResponse(String.valueOf(status), problem(description));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema()
                .ref("#/components/schemas/" + SCHEMA));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, json);
    }

    /** One validation problem: the JSON pointer to the field, and what is wrong with it. */
    private static Schema fieldErrorSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Map<String, Schema> error = new LinkedHashMap<>();
        error.put("pointer", string);
        error.put("detail", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(error)
                .required(List.of("pointer", "detail"));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Map<String, Schema> problem = new LinkedHashMap<>();
        problem.put("type", string);
        problem.put("title", string);
        problem.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
        problem.put("detail", string);
        problem.put("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; `status` equals the HTTP status").properties(problem)
                .required(List.of("type", "title", "status"));
    }
}
