package org.posturecoach.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.posturecoach.engine.FieldError;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * One turn of an intake: {@code answers} (questionId: value, one or several; raw JSON so that validation can point
 * at each field) and, optionally, {@code skip}: ids of optional questions the client prefers not to answer.
 *
 * <p>Read leniently, like {@link AssessmentRequest}: a {@code skip} of the wrong type or an unknown field is kept in
 * {@link #problems()} and reported in one 400 with every problem of the answers.
 */
@JsonDeserialize(using = IntakeAnswersRequest.Reader.class)
public record IntakeAnswersRequest(
        @Schema(implementation = Map.class, description = AssessmentRequest.ANSWERS) JsonNode answers, List<String> skip,
        @JsonIgnore @Schema(hidden = true) List<FieldError> problems) {

    public IntakeAnswersRequest(JsonNode answers, List<String> skip) {
        this(answers, skip, List.of());
    }

    /** Reads the body as a tree; only a body that is not a JSON object fails here. */
    static final class Reader extends StdDeserializer<IntakeAnswersRequest> {
        Reader() {
            super(IntakeAnswersRequest.class);
        }

        @Override
        public IntakeAnswersRequest deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode tree = Requests.object(p, IntakeAnswersRequest.class);
            JsonNode answers = null;
            List<String> skip = null;
            List<FieldError> problems = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "answers" -> answers = value;
                    case "skip" -> skip = skip(value, problems);
                    default -> problems.add(new FieldError(FieldError.pointer(field.getKey()),
                            "is not a known field (the fields are answers and skip)"));
                }
            }
            return new IntakeAnswersRequest(answers, skip, List.copyOf(problems));
        }

        private static List<String> skip(JsonNode value, List<FieldError> problems) {
            if (value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                problems.add(new FieldError("/skip", "has the wrong type: must be a list of question ids"));
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isTextual()) {
                    ids.add(value.get(i).textValue());
                } else {
                    problems.add(new FieldError("/skip/" + i, "has the wrong type: must be a question id"));
                }
            }
            return ids;
        }
    }
}
