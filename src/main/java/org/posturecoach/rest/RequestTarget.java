package org.posturecoach.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.posturecoach.rest.exception.ProblemException;

import io.vertx.core.http.HttpServerRequest;

/**
 * The request target checked before a resource is matched, so that every API path answers as its annotations say:
 * <ul>
 * <li>a method the most literal matching path does not take is a 405 with {@code Allow}, as for any other method
 * ({@code GET /api/v1/assessments/preview} is not a read of an assessment called "preview");</li>
 * <li>OPTIONS answers with that same {@code Allow};</li>
 * <li>a path with matrix parameters ({@code ;}) is a 404: they are not part of this API, and JAX-RS would otherwise
 * drop them silently, so that {@code /api/v1/assessments/;} read as the clinic's whole listing.</li>
 * </ul>
 * The bodies come from the same mappers as every other 405 and 404.
 */
public class RequestTarget {

    static final String API = "/api/";

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        // The path as sent: JAX-RS's request URI has the matrix parameters taken out already.
        String rawPath = http.path();
        if (rawPath == null || !rawPath.startsWith(API)) {
            return null;
        }
        if (rawPath.indexOf(';') >= 0) {
            throw new ProblemException(404, "Not found",
                    "No resource at this path: matrix parameters (;) are not part of this API");
        }
        String path = AllowedMethods.matchPath(request.getUriInfo().getPath(), rawPath);
        if (!AllowedMethods.API.accepts(path, request.getMethod())) {
            throw new NotAllowedException(AllowedMethods.API.allow(path));
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            // Quarkus REST's own answer lists every method of the resource class, whatever the path takes, and answers
            // a path no resource has (/exercises/chin-tuck/x) as if it were its class's.
            String allow = AllowedMethods.API.allow(path);
            if (allow == null) {
                throw new NotFoundException();
            }
            return Response.ok().header(HttpHeaders.ALLOW, allow).build();
        }
        return null;
    }
}
