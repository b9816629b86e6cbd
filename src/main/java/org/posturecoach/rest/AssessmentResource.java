package org.posturecoach.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.posturecoach.engine.AssessmentEngine;
import org.posturecoach.rest.exception.ProblemException;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    @Inject
    AssessmentEngine engine;

    /** Evaluates without storing: the same body as a stored assessment, without id and createdAt. */
    @POST
    @Path("preview")
    public AssessmentView preview(AssessmentRequest request) {
        AssessmentRequest body = Requests.require(request);
        Map<String, Object> answers = engine.validate(body.answers(), body.clientRef());
        return AssessmentView.of(null, null, body.clientRef(), answers, engine.evaluate(answers));
    }
}
