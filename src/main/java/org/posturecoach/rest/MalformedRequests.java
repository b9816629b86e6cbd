package org.posturecoach.rest;

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
 * A request the router refuses with a 400 before any resource sees it (an HTTP/1.1 request without a Host header) is
 * answered with a 400 problem+json, not Quarkus's generic error body. Two refusals happen earlier still and keep an
 * empty body, since no handler of the application runs for them: a request target that is not a valid URI (a bad
 * percent escape such as {@code %ZZ}), which Quarkus's HTTP layer answers with 400, and a request line over the HTTP
 * codec's 4 KiB, answered with 414.
 */
@ApplicationScoped
public class MalformedRequests {

    static final String TITLE = "Malformed request";

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext ctx) {
        if (ctx.statusCode() != 400 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        // The router's own reasons (a missing Host header, an empty path) are safe to show; anything else is not.
        String detail = ctx.failure() instanceof VertxException e && e.getMessage() != null ? e.getMessage()
                : "The request cannot be routed";
        try {
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(Problem.of(400, TITLE, detail))));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
