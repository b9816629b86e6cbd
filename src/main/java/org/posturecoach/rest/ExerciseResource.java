package org.posturecoach.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.posturecoach.domain.Exercise;
import org.posturecoach.engine.FieldError;
import org.posturecoach.knowledge.KnowledgeBaseHolder;
import org.posturecoach.rest.exception.ProblemException;

import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises", description = "The exercise catalogue")
public class ExerciseResource {

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    /**
     * The catalogue, sorted by id; optional filters by category and tag. Tags are open-ended (an unknown tag matches
     * nothing); a category outside the contract's five is a 400. A filter given with no value ({@code ?tag=}) is a
     * 400 too, as on the assessment list: it names no filter, and must not silently list everything; so is a value
     * whose percent-escapes are not UTF-8 ({@code ?tag=%FF}), which would otherwise match nothing, silently.
     */
    @GET
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "Only this category",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "warmup", "mobility", "activation", "strength",
                    "stretch" }))
    @Parameter(name = "tag", in = ParameterIn.QUERY, description = "Only exercises with this tag",
            schema = @Schema(type = SchemaType.STRING, minLength = 1))
    @Operation(operationId = "listExercises", summary = "List the exercise catalogue")
    public List<Exercise> list(@Context HttpServerRequest http) {
        QueryParameters query = QueryParameters.of(http.query());
        List<FieldError> errors = query.problems("category", "tag");
        String category = query.value("category");
        String tag = query.value("tag");
        if (category != null && !Exercise.CATEGORIES.contains(category)) {
            errors.add(new FieldError("/query/category", "must be one of " + String.join(", ", Exercise.CATEGORIES)));
        }
        if (tag != null && tag.isBlank()) {
            errors.add(new FieldError("/query/tag", "must not be empty: leave it out to list every exercise"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return knowledgeBase.current().exercises().stream()
                .filter(e -> category == null || category.equals(e.getCategory()))
                .filter(e -> tag == null || e.getTags().contains(tag))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getExercise", summary = "Read one exercise")
    public Exercise get(@PathParam("id") String id) {
        return knowledgeBase.current().exercise(id).orElseThrow(() -> ProblemException.notFound("Exercise", id));
    }
}
