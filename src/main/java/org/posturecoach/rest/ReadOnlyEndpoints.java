package org.posturecoach.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.posturecoach.rest.exception.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus's own read-only endpoints (health, the OpenAPI document, Swagger UI) answer only reads, as the API's paths
 * do: another method is a 405 problem with {@code Allow} (RFC 9110), and OPTIONS gives that {@code Allow}. Their
 * handlers would otherwise answer DELETE or PUT with a 200 and the whole document.
 */
@ApplicationScoped
public class ReadOnlyEndpoints {

    /** Health and its groups, the OpenAPI document under every name (.json, .yaml, .yml), Swagger UI and its files. */
    static final String PATHS = "/q/(health|openapi|swagger-ui)([./].*)?";
    static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Inject
    ObjectMapper mapper;

    static final Problem NOT_ALLOWED = Problem.of(405, "Method not allowed",
            "This path does not accept that HTTP method; it accepts " + ALLOW);

    /** Before Quarkus's handlers of those paths, with the API's request checks. */
    void install(@Observes Router router) {
        router.routeWithRegex(PATHS).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String method = ctx.request().method().name();
        if (READS.contains(method)) {
            ctx.next();
            return;
        }
        if ("OPTIONS".equals(method)) {
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.ALLOW, ALLOW).end();
            return;
        }
        ctx.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, ALLOW)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Buffer.buffer(body()));
    }

    /** Serialized on use: a 405 here is rare, and the same mapper writes every other problem. */
    private byte[] body() {
        try {
            return mapper.writeValueAsBytes(NOT_ALLOWED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
