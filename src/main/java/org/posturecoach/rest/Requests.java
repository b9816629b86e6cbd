package org.posturecoach.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

import org.posturecoach.engine.FieldError;
import org.posturecoach.rest.exception.ProblemException;

import com.fasterxml.jackson.core.JsonParser;
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
     * Each named query parameter given more than once ({@code ?size=2&size=3}) is a problem at
     * {@code /query/<name>}: the request is ambiguous, and the first value must not win silently.
     */
    static List<FieldError> givenOnce(UriInfo uri, String... names) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            List<String> values = uri.getQueryParameters().get(name);
            if (values != null && values.size() > 1) {
                errors.add(new FieldError("/query/" + name, "must be given once (it was given " + values.size()
                        + " times)"));
            }
        }
        return errors;
    }

    /**
     * A query parameter given with no value ({@code ?page=}) is the empty string, not an absent parameter: JAX-RS
     * hands both over as null.
     */
    static String givenEmpty(UriInfo uri, String name, String value) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    /**
     * Each named query parameter whose percent-escapes are not UTF-8 ({@code %FF}, an encoded half surrogate) is a
     * problem at {@code /query/<name>}: JAX-RS would read them as U+FFFD and match nothing, silently. Read from the raw
     * query ({@code rawQuery}, undecoded, may be null), since Quarkus REST hands out decoded values only.
     */
    static List<FieldError> utf8(String rawQuery, String... names) {
        List<FieldError> errors = new ArrayList<>();
        if (rawQuery == null) {
            return errors;
        }
        List<String> wanted = List.of(names);
        Map<String, String> bad = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            // The name as the framework reads it: ?%74ag=%FF is the tag.
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            if (!wanted.contains(name) || eq < 0) {
                continue;
            }
            String value = pair.substring(eq + 1);
            if (value.chars().anyMatch(c -> c > 0x7F)) {
                bad.putIfAbsent(name, "must be percent-encoded UTF-8 text (raw bytes above 0x7F are not allowed in a "
                        + "URL, RFC 3986)");
            } else if (!isUtf8(value)) {
                bad.putIfAbsent(name, "must be UTF-8 text (its percent-escapes are not)");
            }
        }
        for (String name : names) {
            if (bad.containsKey(name)) {
                errors.add(new FieldError("/query/" + name, bad.get(name)));
            }
        }
        return errors;
    }

    /** A raw query name with its percent-escapes decoded as UTF-8; as sent when they cannot be. */
    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** Whether a raw query value's bytes, once its percent-escapes are decoded, are well-formed UTF-8. */
    static boolean isUtf8(String raw) {
        byte[] bytes = percentDecoded(raw, false);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
        JsonNode tree = p.readValueAsTree();
        if (tree == null || !tree.isObject()) {
            throw MismatchedInputException.from(p, type, "must be a JSON object");
        }
        return tree;
    }
}
