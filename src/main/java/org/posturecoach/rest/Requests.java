package org.posturecoach.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.posturecoach.engine.FieldError;
import org.posturecoach.rest.exception.ProblemException;
import org.posturecoach.rest.exception.ProblemMappers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

final class Requests {
    private Requests() {
    }

    /** An empty body is a 400 that says so, not a NullPointerException. */
    static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new FieldError("", "a JSON request body is required")));
        }
        return body;
    }

    /**
     * The bytes a raw URL part stands for: each {@code %XX} escape one byte, every other character its UTF-8 bytes.
     * With {@code keepEncodedSlash}, {@code %2F} stays as written (the router keeps it inside its path segment).
     */
    static byte[] percentDecoded(String raw, boolean keepEncodedSlash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && HexFormat.isHexDigit(raw.charAt(i + 1))
                    && HexFormat.isHexDigit(raw.charAt(i + 2))) {
                int b = HexFormat.fromHexDigits(raw, i + 1, i + 3);
                if (keepEncodedSlash && b == '/') {
                    bytes.writeBytes(raw.substring(i, i + 3).getBytes(StandardCharsets.US_ASCII));
                } else {
                    bytes.write(b);
                }
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The values of a media-type header with any whitespace before a parameter's {@code ;} taken out, written back to
     * the request when there was some: RFC 9110 allows {@code application/json ; q=0.5}, which the framework's
     * parser refuses (a 406 or 415 for a header that names JSON). Null when the header is absent.
     */
    static List<String> tidyParameters(ContainerRequestContext request, String header) {
        List<String> values = request.getHeaders().get(header);
        if (values == null || values.stream().noneMatch(v -> SPACE_BEFORE_PARAMETER.matcher(v).find())) {
            return values;
        }
        List<String> tidy = values.stream().map(v -> SPACE_BEFORE_PARAMETER.matcher(v).replaceAll(";")).toList();
        request.getHeaders().put(header, new ArrayList<>(tidy));
        return tidy;
    }

    private static final Pattern SPACE_BEFORE_PARAMETER = Pattern.compile("[ \t]+;");

    /**
     * A request body read as a tree for a lenient reader: only a body that is not a JSON object fails (a 400 "must
     * be a JSON object"); syntax errors and duplicate keys fail in the parser as before.
     */
    static JsonNode object(JsonParser p, Class<?> type) throws IOException {
        JsonNode tree;
        try {
            tree = p.readValueAsTree();
        } catch (StreamConstraintsException e) {
            // A number of more than 1,000 digits or nesting deeper than 1,000 levels: the parser stands on the value
            // that broke the limit, so the 400 can name it as any other bad answer.
            JsonStreamContext at = p.getParsingContext();
            throw ProblemException.of(ProblemMappers.overLimits(e, at == null ? "" : at.pathAsPointer().toString()));
        }
        if (tree == null || !tree.isObject()) {
            throw MismatchedInputException.from(p, type, "must be a JSON object");
        }
        return tree;
    }
}
