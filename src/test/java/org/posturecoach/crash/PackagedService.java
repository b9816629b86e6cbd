package org.posturecoach.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, started by its own main as a newcomer starts it)
 * as child processes of a test, on free ports, each logging to a file; {@link #close} kills what is left.
 */
final class PackagedService implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    /** Starts the jar from the project root with the given environment (database settings) on a free port. */
    Process start(Map<String, String> environment, int port, Path log) throws IOException {
        String jar = System.getProperty("posturecoach.app.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "no packaged service at " + jar + " (run through failsafe after package)");
        Path root = Path.of("").toAbsolutePath();
        assertTrue(Files.isDirectory(root.resolve("rules")), "run from the project root: no rules/ in " + root);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-jar", jar)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        pb.environment().remove("RULES_PATH");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    void awaitReady(Process p, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("the service exited with " + p.exitValue() + " before it was ready:\n" + tail(log));
            }
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the service was not ready within " + READY_WITHIN + ":\n" + tail(log));
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The database the packaged jar was built for: H2 in a file under {@code temp}, or, when {@code DB_KIND=postgresql}
     * (CI's second pass), the PostgreSQL database CI names.
     */
    static Map<String, String> database(Path temp) {
        if ("postgresql".equalsIgnoreCase(System.getenv("DB_KIND"))) {
            return Map.of("DB_KIND", "postgresql",
                    "DB_URL", env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    "DB_USER", env("DB_USER", "postgres"),
                    "DB_PASSWORD", env("DB_PASSWORD", ""));
        }
        return Map.of("DB_KIND", "h2",
                "DB_URL", "jdbc:h2:file:" + temp.resolve("db").toAbsolutePath() + ";WRITE_DELAY=0",
                "DB_USER", "sa",
                "DB_PASSWORD", "");
    }

    private static String env(String name, String absent) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? absent : value;
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
