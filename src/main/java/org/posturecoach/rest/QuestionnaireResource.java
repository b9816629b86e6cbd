package org.posturecoach.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.posturecoach.domain.Questionnaire;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

@Path("/api/v1/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    /** The questionnaire of the loaded knowledge base; {@code version} is the knowledge-base version. */
    @GET
    public Questionnaire get() {
        return knowledgeBase.current().questionnaire();
    }
}
