package org.posturecoach.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the packaged service's own main does: it turns Quarkus's request-target check off so that the router's
 * check answers a target that is not a valid URI with problem+json (the tests' JVM sets the same switch in the pom,
 * so without this test a main that forgot it would go unnoticed).
 */
class PackagedServiceIT {

    @TempDir
    Path temp;

    private final PackagedService service = new PackagedService();

    @AfterEach
    void stop() throws InterruptedException {
        service.close();
    }

    @Test
    void aRequestTargetThatIsNotAValidUriIsAProblem() throws Exception {
        int port = PackagedService.freePort();
        Path log = temp.resolve("service.log");
        Process p = service.start(PackagedService.database(temp), port, log);
        service.awaitReady(p, port, log);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/assessments/%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
            assertTrue(raw.toLowerCase().contains("content-type: application/problem+json"), raw);
            assertTrue(raw.contains("\"status\":400") && raw.contains("not a valid URI"), raw);
        }
        // Near miss: a well-encoded unknown id is still a 404.
        assertEquals(404, service.get(port, "/api/v1/assessments/%7A%7A").statusCode());
    }
}
