package org.posturecoach.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

@Path("/api/v1/knowledge-base")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base", description = "The loaded rules, catalogue and questionnaire")
public class KnowledgeBaseResource {

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    public record KnowledgeBaseView(String version, Instant loadedAt, int ruleCount, int exerciseCount,
            int questionCount, List<String> phases, List<String> rules, Map<String, List<String>> rulesByFile) {
    }

    /** The loaded version (SHA-256 of rules/), when it was loaded, and the rule names per DRL file. */
    @GET
    @Operation(operationId = "getKnowledgeBase", summary = "The loaded version and its rules")
    public KnowledgeBaseView get() {
        KnowledgeBase kb = knowledgeBase.current();
        List<String> rules = kb.rulesByFile().values().stream().flatMap(List::stream).sorted().toList();
        return new KnowledgeBaseView(kb.version(), kb.loadedAt(), rules.size(), kb.exercises().size(),
                kb.questionnaire().items().size(), kb.phases(), rules, kb.rulesByFile());
    }
}
