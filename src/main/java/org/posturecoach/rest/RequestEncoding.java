package org.posturecoach.rest;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.posturecoach.rest.exception.Problem;
import org.posturecoach.rest.exception.ProblemMappers;

/**
 * A request body is UTF-8 JSON as sent, so a body this service would misread is refused with a 415 before it is read
 * (RFC 9110 section 15.5.16), instead of a "malformed JSON" 400 or, worse, a success read from the wrong bytes:
 * <ul>
 * <li>a {@code Content-Encoding} other than {@code identity} (a gzip body), answered with
 * {@code Accept-Encoding: identity};</li>
 * <li>a {@code charset} other than UTF-8, which JSON between systems must be (RFC 8259 section 8.1).</li>
 * </ul>
 * The rest of the body is not read, so the connection closes after the answer.
 */
public class RequestEncoding {

    static final String CONTENT_ENCODING = "Content-Encoding";
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Set<String> UTF_8 = Set.of("utf-8", "utf8");

    /** The 415 for a body this service would misread; null lets the request go on. */
    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return null;
        }
        Requests.tidyParameters(request, HttpHeaders.CONTENT_TYPE);
        String coding = request.getHeaderString(CONTENT_ENCODING);
        if (coding != null && !identity(coding)) {
            return refuse("The request body's Content-Encoding (" + coding.strip() + ") is not supported: send it "
                    + "uncompressed", true);
        }
        String charset = charset(request);
        if (charset != null && !UTF_8.contains(charset.toLowerCase(Locale.ROOT))) {
            return refuse("JSON request bodies are UTF-8 (RFC 8259); charset " + charset + " is not supported", false);
        }
        return null;
    }

    /** Every coding listed is identity (an empty header names none). */
    private static boolean identity(String header) {
        for (String c : header.split(",")) {
            if (!c.isBlank() && !"identity".equalsIgnoreCase(c.strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The charset declared with a JSON media type, or null. Another media type, or one that cannot be parsed, is left
     * to the media-type check ("send the body as application/json").
     */
    private static String charset(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) ? null
                    : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response refuse(String detail, boolean encoding) {
        Response.ResponseBuilder answer = Response
                .fromResponse(ProblemMappers.respond(Problem.of(415, "Unsupported media type", detail)))
                .header("Connection", "close");
        if (encoding) {
            answer.header(HttpHeaders.ACCEPT_ENCODING, "identity");
        }
        return answer.build();
    }
}
