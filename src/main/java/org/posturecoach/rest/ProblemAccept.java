package org.posturecoach.rest;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.posturecoach.rest.exception.Problem;
import org.posturecoach.rest.exception.ProblemException;
import org.posturecoach.rest.exception.ProblemMappers;

/**
 * Errors are {@code application/problem+json}, so a client whose {@code Accept} takes that type but not
 * {@code application/json} still gets the real error (404, 400, 409, ...) instead of a blanket 406. Only a success,
 * which is plain JSON, cannot be given in that type: it becomes a 406 problem, and a request that would store or
 * change something is refused before it does ({@link State#beforeWrite}).
 *
 * <p>How: a pre-matching filter notes such a request and lets it match as {@code application/json}; the response
 * filter turns any success of a noted request into the 406.
 */
public class ProblemAccept {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    /** Whether the current request accepts problem+json only; resources ask it before they write. */
    @RequestScoped
    public static class State {
        // Read and written through methods only: a field access on the injected client proxy misses the instance.
        private boolean problemOnly;

        void markProblemOnly() {
            problemOnly = true;
        }

        boolean isProblemOnly() {
            return problemOnly;
        }

        /**
         * Called once a request is known to succeed, before anything is stored: a client that takes only
         * problem+json cannot be given the success, so it is refused (406) while nothing has changed yet.
         */
        public void beforeWrite() {
            if (problemOnly) {
                throw ProblemException.of(NOT_ACCEPTABLE);
            }
        }
    }

    static final Problem NOT_ACCEPTABLE = Problem.of(406, "Not acceptable",
            "This resource answers in application/json; application/problem+json is only given for errors");

    @Inject
    State state;

    @ServerRequestFilter(preMatching = true)
    public Response noteProblemOnly(ContainerRequestContext request) {
        List<String> accept = Requests.tidyParameters(request, HttpHeaders.ACCEPT);
        if (accept == null || accept.stream().allMatch(String::isBlank) || quality(accept, JSON) > 0) {
            return null;
        }
        if (quality(accept, PROBLEM) > 0) {
            state.markProblemOnly();
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            return null;
        }
        // Neither type is acceptable, also when the header names JSON only to refuse it (q=0, RFC 9110 section
        // 12.4.2), which the framework's own matching would serve anyway: a 406 before anything runs.
        return ProblemMappers.respond(ProblemMappers.NOT_ACCEPTABLE);
    }


    @ServerResponseFilter
    public void refuseSuccess(ContainerResponseContext response) {
        if (state.isProblemOnly() && response.getStatus() < 400) {
            response.getHeaders().clear();
            response.setStatus(NOT_ACCEPTABLE.status());
            response.setEntity(NOT_ACCEPTABLE, new Annotation[0], PROBLEM);
        }
    }

    /**
     * The quality an Accept header gives a media type (RFC 9110 §12.5.1): that of the most specific range that
     * matches it (type/subtype over type/* over the full wildcard), 0 when none does. Ranges that cannot be parsed
     * are ignored; a q that cannot be read counts as 1.
     */
    static double quality(List<String> headerValues, MediaType type) {
        double quality = 0;
        int specificity = -1;
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                MediaType range;
                try {
                    range = MediaType.valueOf(part.strip());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                int s = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
                if (s > specificity && range.isCompatible(type)) {
                    specificity = s;
                    quality = q(range);
                }
            }
        }
        return quality;
    }

    private static double q(MediaType range) {
        String q = range.getParameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q.strip());
            return Double.isNaN(value) ? 1 : Math.max(0, Math.min(1, value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
