package org.posturecoach.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the packaged service is killed with SIGKILL in the middle of a burst of POSTs,
 * started again on the same database, and every assessment it had answered 201 for must read back.
 *
 * <p>H2 (a file database in a temporary folder) by default; PostgreSQL from {@code DB_URL}, {@code DB_USER},
 * {@code DB_PASSWORD} when {@code DB_KIND=postgresql}. Run alone with
 * {@code ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AssessmentCrashIT}.
 */
class AssessmentCrashIT {

    private static final Duration BURST_AT_MOST = Duration.ofSeconds(30);
    /** Kill once this many POSTs have been acknowledged (the senders keep going until the kill). */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final int SENDERS = 4;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String BODY = """
            {"clientRef": "%s", "answers": {"sharpOrWorseningPain": false, "numbnessOrTingling": false,
             "recentInjury": false, "nightPain": false, "unexplainedWeightLoss": false, "midBackStiffness": true,
             "deskHoursPerDay": 8, "experience": "beginner", "daysPerWeek": 3,
             "equipment": ["resistance-band", "dumbbells", "foam-roller"]}}""";

    @TempDir
    Path temp;

    private final PackagedService service = new PackagedService();
    private final HttpClient http = service.http;

    @AfterEach
    void stopWhatWasStarted() throws InterruptedException {
        service.close();
    }

    @Test
    void everyAcknowledgedAssessmentSurvivesSigkill() throws Exception {
        Map<String, String> database = PackagedService.database(temp);
        String clientRef = "crash-" + UUID.randomUUID();

        int port = PackagedService.freePort();
        Process first = service.start(database, port, temp.resolve("first.log"));
        service.awaitReady(first, port, temp.resolve("first.log"));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failedBeforeKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.submit(() -> send(port, clientRef, acknowledged, killed, failedBeforeKill));
        }
        long deadline = System.nanoTime() + BURST_AT_MOST.toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(20);
        }
        // SIGKILL on Linux: no shutdown hook, no flush, no graceful close of connections.
        killed.set(true);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS), "senders did not stop");
        assertEquals(0, failedBeforeKill.get(), "requests failed before the kill; see " + temp.resolve("first.log"));
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL,
                "only " + acknowledged.size() + " POSTs acknowledged before the kill");
        assertEquals(137, first.exitValue(), "the service was not killed by SIGKILL");

        int secondPort = PackagedService.freePort();
        Process second = service.start(database, secondPort, temp.resolve("second.log"));
        service.awaitReady(second, secondPort, temp.resolve("second.log"));

        List<String> lost = new ArrayList<>();
        for (String id : acknowledged) {
            HttpResponse<String> r = service.get(secondPort, "/api/v1/assessments/" + id);
            if (r.statusCode() != 200 || !r.body().contains(clientRef)) {
                lost.add(id + " -> " + r.statusCode());
            }
        }
        assertEquals(List.of(), lost, "acknowledged assessments lost after SIGKILL (of " + acknowledged.size() + ")");

        // Rows committed but not acknowledged (the kill cut the answer) may exist; fewer rows than 201s may not.
        HttpResponse<String> page = service.get(secondPort, "/api/v1/assessments?size=1&clientRef=" + clientRef);
        Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(page.body());
        assertTrue(total.find(), page.body());
        assertTrue(Integer.parseInt(total.group(1)) >= acknowledged.size(),
                "stored " + total.group(1) + " < acknowledged " + acknowledged.size());
        System.out.printf("AssessmentCrashIT (%s): %d acknowledged before SIGKILL, %d stored, none lost%n",
                database.get("DB_KIND"), acknowledged.size(), Integer.parseInt(total.group(1)));
    }

    private void send(int port, String clientRef, Set<String> acknowledged, AtomicBoolean killed,
            AtomicInteger failedBeforeKill) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(clientRef)))
                .build();
        // Bounded: stops at the kill, or after the burst's time limit at the latest.
        long deadline = System.nanoTime() + BURST_AT_MOST.toNanos();
        while (!killed.get() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher id = ID.matcher(r.body());
                if (r.statusCode() == 201 && id.find()) {
                    acknowledged.add(id.group(1));
                } else if (!killed.get()) {
                    failedBeforeKill.incrementAndGet();
                }
            } catch (IOException e) {
                if (!killed.get()) {
                    failedBeforeKill.incrementAndGet();
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
