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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request the router refuses with a 400 before any resource sees it is answered with a 400 problem+json, not
 * Quarkus's generic error body: an HTTP/1.1 request without a Host header, and a request target that is not a valid
 * URI (a bad percent escape such as {@code %ZZ}), checked here first, as Quarkus's HTTP layer would check it if the
 * service's main had not turned that check (and its empty 400) off. One refusal happens earlier still and keeps an
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

    void answer(RoutingContext ctx) {
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
