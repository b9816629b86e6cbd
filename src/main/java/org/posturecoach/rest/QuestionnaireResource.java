package org.posturecoach.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

@Path("/api/v1/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaire", description = "The screening questions")
public class QuestionnaireResource {

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    /** The questionnaire of the loaded knowledge base; {@code version} is the knowledge-base version. */
    @GET
    @Operation(operationId = "getQuestionnaire", summary = "The questionnaire")
    public Questionnaire get() {
        return knowledgeBase.current().questionnaire();
    }
}
