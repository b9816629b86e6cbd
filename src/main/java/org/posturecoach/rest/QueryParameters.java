package org.posturecoach.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.posturecoach.engine.FieldError;

/**
 * A request's query string as this service reads it, from the raw query: pairs separated by {@code &} only, names and
 * values percent-decoded as UTF-8 ({@code +} is a space, as in a form).
 *
 * <p>Not the framework's reading: Quarkus REST (Vert.x, Netty) also splits on {@code ;}, so that
 * {@code ?clientRef=ann;north} would list the assessments of client {@code ann}, and {@code ?page=1;2} would be page
 * 1. Here a {@code ;} is part of the value (RFC 3986 lets it stand unescaped in a query; the WHATWG URL standard
 * splits on {@code &} alone).
 */
final class QueryParameters {

    /** Decoded name → the raw (undecoded) values given for it, in order; a name given without {@code =} has "". */
    private final Map<String, List<String>> raw = new LinkedHashMap<>();

    private QueryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            raw.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : pair.substring(eq + 1));
        }
    }

    /** The parameters of a raw query string ({@code HttpServerRequest.query()}: undecoded, may be null). */
    static QueryParameters of(String rawQuery) {
        return new QueryParameters(rawQuery);
    }

    /**
     * The problems of a query for an endpoint that takes the named parameters, each at {@code /query/<name>}: a
     * parameter it does not take (names are case-sensitive: {@code ?clientref=ann} must not list every client), one
     * given more than once ({@code ?size=2&size=3} is ambiguous, and the first value must not win silently), raw bytes
     * above 0x7F (a URL carries them percent-encoded), or percent-escapes that are not UTF-8 ({@code %FF}, an encoded
     * half surrogate), which would otherwise be read as U+FFFD and match nothing, silently.
     */
    List<FieldError> problems(String... names) {
        List<FieldError> errors = new ArrayList<>();
        List<String> known = List.of(names);
        for (String name : raw.keySet()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(FieldError.pointer("query", name),
                        "is not a parameter of this endpoint (it takes " + String.join(", ", names) + ")"));
            }
        }
        for (String name : names) {
            List<String> values = raw.getOrDefault(name, List.of());
            String at = FieldError.pointer("query", name);
            if (values.size() > 1) {
                errors.add(new FieldError(at, "must be given once (it was given " + values.size() + " times)"));
            } else if (values.size() == 1 && values.get(0).chars().anyMatch(c -> c > 0x7F)) {
                errors.add(new FieldError(at, "must be percent-encoded UTF-8 text (raw bytes above 0x7F are not "
                        + "allowed in a URL, RFC 3986)"));
            } else if (values.size() == 1 && !isUtf8(values.get(0))) {
                errors.add(new FieldError(at, "must be UTF-8 text (its percent-escapes are not)"));
            }
        }
        return errors;
    }

    /**
     * The decoded value of a parameter given once; {@code ""} when it is given with no value ({@code ?page=} or
     * {@code ?page}: it names no page, and must not silently mean the default); null when it is absent.
     */
    String value(String name) {
        List<String> values = raw.get(name);
        return values == null ? null : decode(values.get(0));
    }

    private static String decode(String raw) {
        return new String(bytes(raw), StandardCharsets.UTF_8);
    }

    private static boolean isUtf8(String raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(raw)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A raw query part's bytes: {@code +} a space, each {@code %XX} one byte, anything else its UTF-8 bytes. */
    private static byte[] bytes(String raw) {
        return Requests.percentDecoded(raw.replace('+', ' '), false);
    }
}
