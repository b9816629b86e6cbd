package org.posturecoach.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.posturecoach.intake.IntakeService;

/** The chatbot's screening conversation: one question at a time, red flags first. */
@Path(IntakeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intakes", description = "Screening conversations for the chatbot, one question at a time")
public class IntakeResource {

    static final String PATH = "/api/v1/intakes";

    @Inject
    IntakeService intakes;

    @Inject
    ProblemAccept.State accept;

    /** Starts a conversation; the body ({@code clientRef}) is optional. */
    @POST
    @APIResponseSchema(value = IntakeView.class, responseCode = "201", responseDescription = "Started")
    @Operation(operationId = "startIntake", summary = "Start a conversation")
    public Response create(@RequestBody(required = false) IntakeRequest request) {
        IntakeView view = IntakeView.of(intakes.start(request == null ? null : request.clientRef(),
                accept::beforeWrite));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, PATH + "/" + view.id())
                .entity(view).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIntake", summary = "Read a conversation as it stands")
    public IntakeView get(@PathParam("id") String id) {
        return IntakeView.of(intakes.get(id));
    }

    /** Answers one or several questions, changes earlier answers, or skips optional questions. */
    @POST
    @Path("{id}/answers")
    @APIResponse(responseCode = "200", description = "The conversation with the answers taken",
            content = @Content(schema = @Schema(implementation = IntakeView.class)))
    @APIResponse(responseCode = "409", description = "The conversation is referred, assessed or expired")
    @Operation(operationId = "answerIntake", summary = "Answer, change or skip questions")
    public IntakeView answer(@PathParam("id") String id, IntakeAnswersRequest request) {
        IntakeAnswersRequest body = Requests.require(request);
        return IntakeView.of(intakes.answer(id, body.answers(), body.skip(), body.problems(), accept::beforeWrite));
    }

    /**
     * The assessment of a complete or referred conversation, or of one whose required questions are all answered
     * (the optional ones left are recorded as skipped; the intake's {@code assessable} says so): 201 with the new
     * assessment (exactly what {@code POST /api/v1/assessments} gives for the same answers), and the same first
     * response on every later call (201, same body and Location, {@code Idempotent-Replayed: true}), as a retried
     * POST with an Idempotency-Key gets. 409 while required questions remain, or once expired.
     */
    @POST
    @Path("{id}/assessment")
    @APIResponse(responseCode = "201", description = "The conversation's assessment, stored by this call or, with "
            + "Idempotent-Replayed: true, by an earlier one",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Required questions remain, or the conversation expired")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "assessIntake", summary = "Store the finished conversation's assessment")
    public Response assess(@PathParam("id") String id,
            @RequestBody(required = false, description = AssessmentResource.NO_BODY) byte[] noBody) {
        IntakeService.Assessed assessed = intakes.assess(id, accept::beforeWrite);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, AssessmentResource.PATH + "/" + assessed.assessment().id())
                .header(AssessmentResource.REPLAYED, !assessed.created())
                .entity(assessed.assessment()).build();
    }
}
