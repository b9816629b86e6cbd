package org.posturecoach.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.posturecoach.engine.AssessmentEngine;
import org.posturecoach.engine.FieldError;
import org.posturecoach.engine.InvalidAnswersException;
import org.posturecoach.persistence.AssessmentPage;
import org.posturecoach.persistence.AssessmentService;
import org.posturecoach.persistence.Replay;
import org.posturecoach.rest.exception.ProblemException;

import io.vertx.core.http.HttpServerRequest;

@Path(AssessmentResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Evaluate answers into a plan; store, read, list and replay assessments")
public class AssessmentResource {

    static final String PATH = "/api/v1/assessments";
    /** Header on a 201 that repeats the first answer to an Idempotency-Key: {@code true} or {@code false}. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 10_000_000;
    /** How the OpenAPI document describes the body of a POST that takes none (a replay, an intake's assessment). */
    static final String NO_BODY = "None: this call takes no body. One sent anyway is ignored; over 64 KiB it is a 413,"
            + " as for any body";

    @Inject
    AssessmentEngine engine;

    @Inject
    AssessmentService assessments;

    @Inject
    ProblemAccept.State accept;

    /** Evaluates without storing: the same body as a stored assessment, without id and createdAt. */
    @POST
    @Path("preview")
    @Operation(operationId = "previewAssessment", summary = "Evaluate answers without storing them")
    public AssessmentView preview(AssessmentRequest request) {
        AssessmentRequest body = Requests.require(request);
        Map<String, Object> answers = engine.validate(body.answers(), body.clientRef(), body.problems());
        return AssessmentView.of(null, null, body.clientRef(), answers, engine.evaluate(answers));
    }

    /**
     * Validates, evaluates and stores; 201 once committed. A retry with the same Idempotency-Key and the same body
     * gets the first assessment again (201, same body and Location, {@code Idempotent-Replayed: true}).
     */
    @POST
    @APIResponseSchema(value = AssessmentView.class, responseCode = "201",
            responseDescription = "Stored; or, for a retried Idempotency-Key, the first assessment again")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key came with another body")
    @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = AssessmentService.MAX_IDEMPOTENCY_KEY),
            description = "A retry with the same key and body returns the first assessment and stores nothing; "
                    + "the same key with another body is 422")
    @Operation(operationId = "createAssessment", summary = "Evaluate answers and store the assessment")
    public Response create(AssessmentRequest request, @Context HttpHeaders headers) {
        AssessmentRequest body = Requests.require(request);
        // An empty header is a malformed key, not a missing one: read the raw values.
        List<String> keys = headers.getRequestHeader(IDEMPOTENCY_KEY);
        String idempotencyKey = keys == null || keys.isEmpty() ? null : keys.get(0);
        List<FieldError> errors = new ArrayList<>(AssessmentService.checkIdempotencyKey(idempotencyKey));
        if (keys != null && keys.size() > 1) {
            errors.add(new FieldError(AssessmentService.IDEMPOTENCY_KEY_POINTER, "must be given once"));
        }
        Map<String, Object> answers = null;
        try {
            answers = engine.validate(body.answers(), body.clientRef(), body.problems());
        } catch (InvalidAnswersException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        accept.beforeWrite();
        AssessmentService.Created created = assessments.createOrReplay(body.clientRef(), answers, idempotencyKey);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, PATH + "/" + created.view().id())
                .header(REPLAYED, created.replayed())
                .entity(created.view())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAssessment", summary = "Read a stored assessment")
    public AssessmentView get(@PathParam("id") String id) {
        return assessments.get(id).orElseThrow(() -> ProblemException.notFound("Assessment", id));
    }

    /**
     * Newest first, {@code size} (1–100, default 20) per page from {@code page} 0. Without {@code clientRef}, every
     * assessment. Bad parameters are a 400 whose pointers are {@code /query/<name>}.
     */
    @GET
    @Parameter(name = "clientRef", in = ParameterIn.QUERY, description = "Only this client's assessments",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = AssessmentEngine.MAX_CLIENT_REF))
    @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
            maximum = "" + MAX_PAGE, defaultValue = "0"))
    @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + MAX_SIZE, defaultValue = "" + DEFAULT_SIZE))
    @Operation(operationId = "listAssessments", summary = "List a client's assessments, newest first")
    public AssessmentPage list(@Context HttpServerRequest http) {
        QueryParameters query = QueryParameters.of(http.query());
        List<FieldError> errors = query.problems("clientRef", "page", "size");
        // "?clientRef=" with no value is an empty clientRef (400), never "no filter" (which would list every client);
        // "?page=" and "?size=" likewise name no page, rather than the default one.
        String clientRef = query.value("clientRef");
        AssessmentEngine.checkClientRef(clientRef)
                .forEach(e -> errors.add(new FieldError("/query/clientRef", e.detail())));
        int pageNumber = parse(query.value("page"), 0, 0, MAX_PAGE, "page", errors);
        int pageSize = parse(query.value("size"), DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return assessments.list(clientRef, pageNumber, pageSize);
    }

    /** Re-evaluates the stored answers under the current knowledge base; stores nothing. */
    @POST
    @Path("{id}/replay")
    @APIResponseSchema(value = Replay.class, responseCode = "200",
            responseDescription = "The stored answers evaluated now, beside what changed since they were stored")
    @APIResponse(responseCode = "409", description = "The stored answers no longer fit the current questionnaire; "
            + "`errors` names each answer")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayAssessment", summary = "Re-evaluate stored answers under today's knowledge base")
    public Replay replay(@PathParam("id") String id,
            @RequestBody(required = false, description = NO_BODY) byte[] noBody) {
        return assessments.replay(id).orElseThrow(() -> ProblemException.notFound("Assessment", id));
    }

    /** ASCII digits only: no sign, no spaces, none of the other scripts' digits that Integer.parseInt takes. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private static int parse(String text, int absent, int min, int max, String name, List<FieldError> errors) {
        if (text == null) {
            return absent;
        }
        if (DIGITS.matcher(text).matches()) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        errors.add(new FieldError("/query/" + name, "must be a whole number from " + min + " to " + max));
        return absent;
    }
}
