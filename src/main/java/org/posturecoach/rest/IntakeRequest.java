package org.posturecoach.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.posturecoach.engine.FieldError;
import org.posturecoach.rest.exception.Problem;
import org.posturecoach.rest.exception.ProblemException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Starts an intake conversation; {@code clientRef} (optional, ≤ 64 characters counted as code points) is carried into
 * its assessment.
 *
 * <p>Read as a tree like the other request bodies, so that a value over the parser's limits is named where it stands
 * ({@code /clientRef}); a {@code clientRef} that is not a string and an unknown field are a 400 naming each.
 */
@JsonDeserialize(using = IntakeRequest.Reader.class)
public record IntakeRequest(@Schema(maxLength = 64) String clientRef) {

    static final class Reader extends StdDeserializer<IntakeRequest> {
        Reader() {
            super(IntakeRequest.class);
        }

        @Override
        public IntakeRequest deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode tree = Requests.object(p, IntakeRequest.class);
            String clientRef = null;
            List<FieldError> problems = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                JsonNode value = field.getValue();
                if (!"clientRef".equals(field.getKey())) {
                    problems.add(new FieldError(FieldError.pointer(field.getKey()), "is not a known field"));
                } else if (value.isTextual()) {
                    clientRef = value.textValue();
                } else if (!value.isNull()) {
                    problems.add(new FieldError("/clientRef", "has the wrong type"));
                }
            }
            if (!problems.isEmpty()) {
                throw ProblemException.of(Problem.invalid("The request body does not match the expected shape",
                        problems));
            }
            return new IntakeRequest(clientRef);
        }
    }
}
