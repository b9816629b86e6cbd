package org.posturecoach.rest;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.posturecoach.rest.exception.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request the router refuses with a 400 before any resource sees it is answered with a 400 problem+json, not
 * Quarkus's generic error body: an HTTP/1.1 request without a Host header, and a request target that is not a valid
 * URI (a bad percent escape such as {@code %ZZ}), checked here first, as Quarkus's HTTP layer would check it if the
 * service's main had not turned that check (and its empty 400) off, and a target that is no path ({@code *} but for
 * {@code OPTIONS *}, which is answered for the whole server; {@code api/v1/questionnaire} without its slash), which
 * the router would answer with an empty 404. One refusal happens earlier still and keeps an
 * empty body, since no handler of the application runs for it: a request line over the HTTP codec's 4 KiB (414).
 */
@ApplicationScoped
public class MalformedRequests {

    static final String TITLE = "Malformed request";

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkTarget).failureHandler(this::answer);
    }

    /** The request target must be a valid URI (Quarkus's own check, which it answers without a body, is off). */
    void checkTarget(RoutingContext ctx) {
        String uri = ctx.request().uri();
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            problem(ctx, "The request target is not a valid URI (" + e.getReason() + "): percent-encode it");
            return;
        }
        ctx.next();
    }

    /** Every method some path of the service takes. */
    static final String SERVER_METHODS = "GET, HEAD, POST, OPTIONS";

    void answer(RoutingContext ctx) {
        String path = ctx.request().path();
        if (ctx.statusCode() == 404 && (path == null || !path.startsWith("/")) && !ctx.response().headWritten()) {
            // The router refuses a target that is no path before any route runs, with an empty 404.
            if (ctx.request().method() == HttpMethod.OPTIONS && "*".equals(ctx.request().uri())) {
                // RFC 9110 section 9.3.7: OPTIONS * asks about the server as a whole.
                ctx.response().setStatusCode(200).putHeader(HttpHeaders.ALLOW, SERVER_METHODS)
                        .putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
                return;
            }
            problem(ctx, "The request target must be a path that starts with / (RFC 9112 section 3.2)");
            return;
        }
        if (ctx.statusCode() != 400 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        // The router's own reasons (a missing Host header, an empty path) are safe to show; anything else is not.
        String detail = ctx.failure() instanceof VertxException e && e.getMessage() != null ? e.getMessage()
                : "The request cannot be routed";
        problem(ctx, detail);
    }

    private void problem(RoutingContext ctx, String detail) {
        try {
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(Problem.of(400, TITLE, detail))));
        } catch (JsonProcessingException e) {
            ctx.fail(400);
        }
    }
}
