package org.posturecoach.bootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Quarkus answers a request target that is not a valid URI (a bad percent escape such as
 * {@code %ZZ}) with an empty 400 before any handler of the application runs; with its check off, the same check runs
 * first in the router ({@code MalformedRequests}) and answers with a problem+json body, as every other error.
 */
@QuarkusMain
public final class PostureCoach {

    /** Quarkus's own switch for its request-target check (read when the HTTP server starts). */
    public static final String QUARKUS_URI_CHECK_OFF = "vertx.disableURIValidation";

    private PostureCoach() {
    }

    public static void main(String... args) {
        System.setProperty(QUARKUS_URI_CHECK_OFF, "true");
        Quarkus.run(args);
    }
}
