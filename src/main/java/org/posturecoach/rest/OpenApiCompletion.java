package org.posturecoach.rest;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.posturecoach.domain.Contraindication;
import org.posturecoach.domain.Dose;
import org.posturecoach.domain.EnableWhen;
import org.posturecoach.domain.Exercise;
import org.posturecoach.domain.Explanation;
import org.posturecoach.domain.Levels;
import org.posturecoach.domain.Question;
import org.posturecoach.domain.QuestionOption;
import org.posturecoach.domain.Questionnaire;
import org.posturecoach.domain.RelatedExercises;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.engine.Evaluator;
import org.posturecoach.intake.Conversation;
import org.posturecoach.persistence.AssessmentDiff;
import org.posturecoach.persistence.AssessmentPage;
import org.posturecoach.persistence.Replay;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What the annotations cannot say in the OpenAPI document, so that a client generated from it works as written
 * (found by generating TypeScript and Java clients, openapi-generator 7):
 * <ul>
 * <li>every 201 sends {@code Location} (the created object's path), and the two that can be replayed say so with
 * {@code Idempotent-Replayed};</li>
 * <li>the two POSTs that take no body document none (a generated client sent a binary or a {@code null} body);</li>
 * <li>{@code answers} is one {@code Answers} component, a map of question ids to any JSON value, where generators had
 * read a bare {@code object} for requests (when the service starts, {@link AnswersSchema} adds a typed property per
 * question of the loaded questionnaire);</li>
 * <li>the contract's closed sets (outcome, severity, exercise category, level, low-back load, question type,
 * enableWhen operator) are named enum components, reused by the catalogue's {@code category} filter;</li>
 * <li>every property the service always sends is {@code required} (present, possibly null where the schema allows
 * it): the components of the response records, except those Jackson leaves out when null
 * ({@code @JsonInclude(NON_NULL)});</li>
 * <li>a stored assessment ({@code StoredAssessment}: created, read, listed, replayed, assessed from an intake)
 * requires its {@code id} and {@code createdAt}, which a preview ({@code AssessmentView}) lacks;</li>
 * <li>an enum lists each value once (an intake stored as {@code assessed} is shown as {@code complete}, so the
 * generated enum held {@code complete} twice and a generated Java or C# client did not compile).</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiCompletion implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    /** The types of what the service sends, named in the document by their simple or {@code @Schema} name. */
    private static final List<Class<?>> RESPONSE_TYPES = List.of(AssessmentView.class, AssessmentPage.class,
            Replay.class, AssessmentDiff.Codes.class, AssessmentDiff.Change.class, Evaluation.FindingView.class,
            Evaluation.WarningView.class, Evaluation.ExcludedView.class, Evaluation.Plan.class,
            Evaluation.Session.class, Evaluation.Item.class, Evaluation.Progression.class, Explanation.class,
            IntakeView.class, Conversation.Change.class, Exercise.class, Dose.class, Contraindication.class,
            RelatedExercises.class, Questionnaire.class, Question.class, QuestionOption.class, EnableWhen.class,
            KnowledgeBaseResource.KnowledgeBaseView.class);

    /** The contract's closed sets: component name, its values, and the properties that take it. */
    private record ClosedSet(String name, List<String> values, List<String> properties) {
    }

    private static final List<ClosedSet> CLOSED_SETS = List.of(
            new ClosedSet("Outcome", List.of("plan", "refer"), List.of("AssessmentView.outcome")),
            new ClosedSet("Severity", Evaluator.SEVERITIES, List.of("WarningView.severity")),
            new ClosedSet("ExerciseCategory", Exercise.CATEGORIES, List.of("Exercise.category", "Item.category")),
            new ClosedSet("Level", Levels.ALL, List.of("Exercise.level")),
            new ClosedSet("LowBackLoad", Exercise.LOW_BACK_LOADS, List.of("Exercise.lowBackLoad")),
            new ClosedSet("QuestionType", Question.TYPES, List.of("Question.type")),
            new ClosedSet("EnableWhenOperator", List.of("exists", "=", "!=", ">", "<", ">=", "<="),
                    List.of("EnableWhen.operator")));

    /** The creates a retry answers with the first response again, marked {@code Idempotent-Replayed}. */
    private static final Set<String> REPLAYABLE = Set.of("createAssessment", "assessIntake");

    /** The component of a stored assessment, and the operations that answer with one. */
    static final String STORED = "StoredAssessment";
    private static final Set<String> STORED_RESULTS = Set.of("createAssessment", "getAssessment", "assessIntake");

    private static final List<String> ANSWER_PROPERTIES = List.of("AssessmentRequest.answers",
            "IntakeAnswersRequest.answers", "AssessmentView.answers", "IntakeView.answers");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                if (path.startsWith("/api/")) {
                    complete(path, op);
                }
            }));
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(OpenApiCompletion::listEnumOnce);
        schemas.values().forEach(OpenApiCompletion::oneWayToSayNullable);
        openAPI.getComponents().addSchema("Answers", answers());
        ANSWER_PROPERTIES.forEach(p -> property(schemas, p).ifPresent(s -> refer(s, "Answers")));
        for (ClosedSet set : CLOSED_SETS) {
            openAPI.getComponents().addSchema(set.name(), OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(new ArrayList<>(set.values())));
            set.properties().forEach(p -> property(schemas, p).ifPresent(s -> refer(s, set.name())));
        }
        for (Class<?> type : RESPONSE_TYPES) {
            Schema schema = schemas.get(componentName(type));
            if (schema != null && schema.getProperties() != null) {
                Set<String> required = new LinkedHashSet<>(alwaysSent(type, schema.getProperties().keySet()));
                if (schema.getRequired() != null) {
                    required.addAll(schema.getRequired());
                }
                if (!required.isEmpty()) {
                    schema.setRequired(new ArrayList<>(required));
                }
            }
        }
        storedAssessment(openAPI, schemas);
        Schema request = schemas.get("AssessmentRequest");
        if (request != null) {
            request.setRequired(List.of("answers"));
        }
    }

    private static void complete(String path, Operation op) {
        APIResponses responses = op.getResponses();
        if (responses != null && responses.getAPIResponses() != null) {
            if (STORED_RESULTS.contains(String.valueOf(op.getOperationId()))) {
                responses.getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().getMediaTypes().values().stream().map(m -> m.getSchema())
                                .filter(s -> s != null && (SCHEMAS + "AssessmentView").equals(s.getRef()))
                                .forEach(s -> s.setRef(SCHEMAS + STORED));
                    }
                });
            }
            APIResponse created = responses.getAPIResponse("201");
            if (created != null) {
                created.addHeader("Location", location(path));
                if (REPLAYABLE.contains(String.valueOf(op.getOperationId()))) {
                    created.addHeader(AssessmentResource.REPLAYED, replayed());
                }
            }
        }
        if (op.getRequestBody() != null && AssessmentResource.NO_BODY.equals(op.getRequestBody().getDescription())) {
            op.setRequestBody(null);
            op.setDescription((op.getDescription() == null ? "" : op.getDescription() + " ") + "Takes no body: "
                    + "one sent anyway is ignored (over 64 KiB it is a 413, compressed or not UTF-8 a 415).");
        }
        if (op.getParameters() != null) {
            op.getParameters().stream().filter(p -> "category".equals(p.getName()) && p.getSchema() != null)
                    .forEach(p -> p.setSchema(OASFactory.createSchema().ref(SCHEMAS + "ExerciseCategory")));
        }
    }

    private static Header location(String path) {
        String created = path.startsWith("/api/v1/intakes/") ? "/api/v1/assessments/{id}" : path + "/{id}";
        return OASFactory.createHeader().required(true)
                .description("The path of the created object: " + created)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"));
    }

    private static Header replayed() {
        return OASFactory.createHeader().required(false)
                .description("`true` when this is the first response again (a retry of the same request), and nothing "
                        + "new was stored")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
    }

    /**
     * Any JSON value per question id: a generated Java client could not send or read a list answer through an
     * {@code anyOf} of boolean, integer, string and list (openapi-generator 7, okhttp-gson and native), so the values'
     * types are stated in the description and in the questionnaire.
     */
    private static Schema answers() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Question id -> answer: a boolean, an integer (written without a decimal point), an "
                        + "option code or a list of option codes, as GET /api/v1/questionnaire says for each question")
                .additionalPropertiesSchema(OASFactory.createSchema());
    }

    /**
     * A stored assessment always carries its {@code id} and {@code createdAt}; a preview ({@code AssessmentView})
     * has neither. The same properties, two components, so that a generated client need not check a stored
     * assessment's id for null.
     */
    private static void storedAssessment(OpenAPI openAPI, Map<String, Schema> schemas) {
        Schema view = schemas.get("AssessmentView");
        if (view == null || view.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>(List.of("id", "createdAt"));
        if (view.getRequired() != null) {
            view.getRequired().stream().filter(p -> !required.contains(p)).forEach(required::add);
        }
        view.setDescription("An assessment as evaluated; a preview has no id and no createdAt");
        openAPI.getComponents().addSchema(STORED, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An assessment as stored, with its id and the time it was stored")
                .properties(new LinkedHashMap<>(view.getProperties())).required(required));
        property(schemas, "Replay.assessment").ifPresent(s -> s.setRef(SCHEMAS + STORED));
        property(schemas, "AssessmentPage.items").map(Schema::getItems).ifPresent(s -> s.setRef(SCHEMAS + STORED));
    }

    /** A property given as {@code Component.property}, when the document has it. */
    private static Optional<Schema> property(Map<String, Schema> schemas, String dotted) {
        String[] parts = dotted.split("\\.");
        Schema owner = schemas.get(parts[0]);
        return Optional.ofNullable(owner == null || owner.getProperties() == null ? null
                : owner.getProperties().get(parts[1]));
    }

    /** Turns a property schema into a reference to a component, keeping its description. */
    private static void refer(Schema property, String component) {
        String description = property.getDescription();
        property.setType(null);
        property.setEnumeration(null);
        property.setAdditionalPropertiesSchema(null);
        property.setFormat(null);
        property.setRef(SCHEMAS + component);
        property.setDescription(description);
    }

    /** The properties of a response type that are always in the JSON the service sends. */
    private static List<String> alwaysSent(Class<?> type, Set<String> documented) {
        boolean omitsNulls = omitsNulls(type);
        List<String> out = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                boolean omitted = omitsNulls || omitsNulls(c) || omitsNulls(c.getAccessor());
                if (documented.contains(c.getName()) && (c.getType().isPrimitive() || !omitted)) {
                    out.add(c.getName());
                }
            }
        } else if (!omitsNulls) {
            out.addAll(documented);
        }
        return out;
    }

    private static boolean omitsNulls(AnnotatedElement element) {
        JsonInclude include = element.getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    private static String componentName(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
    }

    /**
     * A nullable reference is written {@code anyOf: [$ref, {type: null}]} alone: the scanner also gave some a sibling
     * {@code type: [string, null]}, which a generator read instead, losing the nullability.
     */
    private static void oneWayToSayNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(p -> {
            if (p.getAnyOf() != null && p.getType() != null) {
                p.setType(null);
            }
        });
    }

    private static void listEnumOnce(Schema schema) {
        if (schema.getEnumeration() != null) {
            schema.setEnumeration(new ArrayList<>(new LinkedHashSet<>(schema.getEnumeration())));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiCompletion::listEnumOnce);
        }
    }
}
