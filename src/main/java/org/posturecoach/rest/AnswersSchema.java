package org.posturecoach.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.QuestionOption;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.engine.AnswerValidator;
import org.posturecoach.engine.EnableConditions;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Gives the {@code Answers} component one typed property per question of the loaded questionnaire, when the service
 * starts (the questionnaire is data in {@code rules/}, so the build cannot know it): a boolean, an integer with its
 * range, an option code, a list of distinct option codes, or text. A generated client then sends and reads each
 * answer with its own type (an integer as {@code 4}, not {@code 4.0}). Other ids stay allowed in the schema, with any
 * value, so that a client generated before a question was added still reads stored answers; the service refuses an
 * id its questionnaire does not hold with a 400.
 */
@ApplicationScoped
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class AnswersSchema implements OASFilter {

    static final String COMPONENT = "Answers";

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema answers = openAPI.getComponents().getSchemas().get(COMPONENT);
        if (answers != null) {
            describe(answers, knowledgeBase.current().questionnaire());
        }
    }

    /** Adds a property per question to the answers schema, in questionnaire order. */
    static void describe(Schema answers, Questionnaire questionnaire) {
        for (Question q : questionnaire.items()) {
            answers.addProperty(q.id(), property(q));
        }
        answers.setDescription("Question id -> answer, one property per question of GET /api/v1/questionnaire (version "
                + questionnaire.version() + "). Which questions are required or asked depends on earlier answers "
                + "(`required`, `enableWhen`); an id the questionnaire does not hold is refused with a 400.");
    }

    private static Schema property(Question q) {
        Schema s = OASFactory.createSchema();
        switch (q.type()) {
            case "boolean" -> s.addType(Schema.SchemaType.BOOLEAN);
            case "integer" -> {
                s.addType(Schema.SchemaType.INTEGER).format("int32");
                if (q.min() != null) {
                    s.minimum(BigDecimal.valueOf(q.min()));
                }
                if (q.max() != null) {
                    s.maximum(BigDecimal.valueOf(q.max()));
                }
            }
            case "choice" -> s.addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(codes(q)));
            case "multi-choice" -> s.addType(Schema.SchemaType.ARRAY).uniqueItems(true)
                    .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .enumeration(new ArrayList<>(codes(q))));
            default -> s.addType(Schema.SchemaType.STRING).maxLength(AnswerValidator.MAX_STRING);
        }
        return s.description(description(q));
    }

    private static String description(Question q) {
        StringBuilder text = new StringBuilder(q.text());
        if (q.options() != null && !q.options().isEmpty()) {
            text.append(" Options: ");
            List<String> named = q.options().stream().map(o -> o.code() + " (" + o.display() + ")").toList();
            text.append(String.join(", ", named)).append('.');
        }
        if (q.enableWhen() != null && !q.enableWhen().isEmpty()) {
            text.append(" Asked only when ").append(EnableConditions.describe(q)).append('.');
        }
        if (q.required()) {
            text.append(" Required").append(q.enableWhen() == null ? "" : " when asked").append('.');
        }
        if (q.isRedFlag()) {
            text.append(" Red flag: true refers the person on (no plan).");
        }
        return text.toString();
    }

    private static List<String> codes(Question q) {
        return q.options() == null ? List.of() : q.options().stream().map(QuestionOption::code).toList();
    }
}
