package org.posturecoach.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.posturecoach.rest.exception.Problem;
import org.posturecoach.rest.exception.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Request bodies over 64 KiB are a 413 problem+json. Vert.x's own limit ({@code quarkus.http.limits.max-body-size})
 * answers with an empty body, so it is set higher and this class enforces 64 KiB first: on the declared
 * Content-Length before any byte is read, and, for chunked bodies that declare none, while the entity is read.
 */
@ApplicationScoped
public class RequestBodyLimit {

    public static final int MAX_BYTES = 64 * 1024;

    static final Problem TOO_LARGE = Problem.of(413, "Payload too large",
            "The request body is larger than " + MAX_BYTES + " bytes (64 KiB)");

    @Inject
    ObjectMapper mapper;

    private volatile byte[] tooLargeBody;

    /** Runs just before Quarkus's own upload limit (order -2), on every route. */
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkDeclaredLength);
    }

    void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            // The body is not read: close the connection after the answer instead of draining it.
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(io.vertx.core.buffer.Buffer.buffer(tooLargeBody()));
            return;
        }
        ctx.next();
    }

    private static boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself
        }
    }

    private byte[] tooLargeBody() {
        byte[] body = tooLargeBody;
        if (body == null) {
            try {
                body = mapper.writeValueAsBytes(TOO_LARGE);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            tooLargeBody = body;
        }
        return body;
    }

    /** A body that turned out too large while it was read (chunked, no Content-Length). */
    public static class TooLargeException extends RuntimeException {
        public TooLargeException() {
            super(TOO_LARGE.detail());
        }
    }

    /**
     * Reads at most 64 KiB + 1 byte of an entity before any reader sees it; one byte more is a 413. The bytes read must
     * be UTF-8 JSON text: Jackson alone would decode an overlong UTF-8 form ({@code C0 AF}) as "/" and guess UTF-16 or
     * UTF-32 from zero bytes, so a body it would misread is a 400 here, naming the first bad byte.
     */
    @Provider
    public static class ChunkedLimit implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
            byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new TooLargeException();
            }
            if (context.getType() == byte[].class) {
                // A POST that takes no body (a replay, an intake's assessment) reads whatever was sent only to hold
                // it to the same limit, chunked or not; it is not JSON to check.
                context.setInputStream(new ByteArrayInputStream(body));
                return context.proceed();
            }
            String notUtf8 = notUtf8JsonText(body);
            if (notUtf8 != null) {
                throw ProblemException.of(Problem.malformed("The request body is not valid JSON: " + notUtf8, null));
            }
            // A leading byte-order mark is allowed (RFC 8259 lets a parser ignore it) and taken off here, so that a
            // body of a mark alone reads as the empty body it is. Only one: Jackson would skip a second as well.
            int start = bom(body, 0) ? 3 : 0;
            String stray = strayByteOrderMark(body, start);
            if (stray != null) {
                throw ProblemException.of(Problem.malformed("The request body is not valid JSON: " + stray, null));
            }
            context.setInputStream(new ByteArrayInputStream(body, start, body.length - start));
            return context.proceed();
        }
    }

    /**
     * Why {@code body} is not UTF-8 JSON text (RFC 8259 section 8.1), or null when it is, naming the first bad byte:
     * one that is not well-formed UTF-8 (overlong forms, surrogates and code points above U+10FFFF included), a raw
     * control character, which JSON never allows unescaped (a UTF-16 or UTF-32 body shows as zero bytes).
     */
    static String notUtf8JsonText(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(body.length), true);
        int malformed = result.isError() ? in.position() : body.length;
        for (int i = 0; i < malformed; i++) {
            int b = body[i];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return String.format("byte %d is a raw control character (0x%02X); the body must be UTF-8 (RFC 8259), "
                        + "with control characters escaped inside strings", i, b);
            }
        }
        if (result.isError()) {
            return String.format("byte %d (0x%02X) is not well-formed UTF-8; the body must be UTF-8 (RFC 8259)",
                    malformed, body[malformed] & 0xFF);
        }
        return null;
    }

    /**
     * Where a byte-order mark stands outside a JSON string from {@code start} on, or null: JSON allows one only at the
     * very start (inside a string U+FEFF is a character like any other). The body is well-formed UTF-8 by then, so a
     * quote or a backslash byte is always that character.
     */
    static String strayByteOrderMark(byte[] body, int start) {
        boolean inString = false;
        for (int i = start; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (bom(body, i)) {
                return String.format("byte %d starts a byte-order mark (U+FEFF), which is allowed only once, at the "
                        + "very start of the body", i);
            }
        }
        return null;
    }

    /** Whether a UTF-8 byte-order mark (EF BB BF) starts at {@code at}. */
    private static boolean bom(byte[] body, int at) {
        return at + 2 < body.length && body[at] == (byte) 0xEF && body[at + 1] == (byte) 0xBB
                && body[at + 2] == (byte) 0xBF;
    }

    /** The rest of the body is unread: close the connection after the answer. */
    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e) {
        return Response.status(413).type(Problem.MEDIA_TYPE).header("Connection", "close").entity(TOO_LARGE).build();
    }
}
