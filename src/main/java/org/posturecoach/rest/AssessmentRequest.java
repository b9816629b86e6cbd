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
 * {@code answers} stays raw JSON so that validation can point at each field; {@code clientRef} is optional, ≤ 64
 * characters counted as code points (see {@code AssessmentEngine.checkClientRef}).
 *
 * <p>Read leniently: a {@code clientRef} of the wrong type or an unknown field does not stop the reading but is kept
 * in {@link #problems()}, so that one 400 names it together with every problem of the answers.
 */
@JsonDeserialize(using = AssessmentRequest.Reader.class)
public record AssessmentRequest(@Schema(maxLength = 64) String clientRef,
        @Schema(implementation = Map.class, description = ANSWERS) JsonNode answers,
        @JsonIgnore @Schema(hidden = true) List<FieldError> problems) {

    /** How the OpenAPI document describes {@code answers} (a JSON object, read as a tree). */
    static final String ANSWERS = "question id -> answer: a boolean, an integer, an option code or a list of codes,"
            + " as the questionnaire says";

    public AssessmentRequest(String clientRef, JsonNode answers) {
        this(clientRef, answers, List.of());
    }

    /** Reads the body as a tree; only a body that is not a JSON object fails here. */
    static final class Reader extends StdDeserializer<AssessmentRequest> {
        Reader() {
            super(AssessmentRequest.class);
        }

        @Override
        public AssessmentRequest deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode tree = Requests.object(p, AssessmentRequest.class);
            String clientRef = null;
            JsonNode answers = null;
            List<FieldError> problems = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "clientRef" -> {
                        if (value.isTextual()) {
                            clientRef = value.textValue();
                        } else if (!value.isNull()) {
                            problems.add(new FieldError("/clientRef", "has the wrong type: must be a string"));
                        }
                    }
                    case "answers" -> answers = value;
                    default -> problems.add(new FieldError(FieldError.pointer(field.getKey()),
                            "is not a known field (the fields are clientRef and answers)"));
                }
            }
            return new AssessmentRequest(clientRef, answers, List.copyOf(problems));
        }
    }
}
