package org.posturecoach.rest;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.posturecoach.rest.AssessmentFixtures.PATH;
import static org.posturecoach.rest.AssessmentFixtures.PROBLEM;
import static org.posturecoach.rest.AssessmentFixtures.answers;
import static org.posturecoach.rest.AssessmentFixtures.body;
import static org.posturecoach.rest.AssessmentFixtures.post;
import static org.posturecoach.rest.AssessmentFixtures.total;
import static org.posturecoach.rest.AssessmentFixtures.tree;
import static org.posturecoach.rest.AssessmentFixtures.uniqueRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.posturecoach.persistence.AssessmentRepository;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Idempotency-Key: a retry returns the first result and stores nothing; the same key for another body is 422. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    AssessmentRepository repository;

    long rowsWithKey(String key) {
        return QuarkusTransaction.requiringNew().call(() -> repository.count("idempotencyKey", key));
    }

    @Test
    void aRetryReturnsTheFirstAssessmentAndStoresNothing() {
        String ref = uniqueRef("idem");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body(ref, answers("midBackStiffness", true));

        Response first = post(body, key);
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response retry = post(body, key);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");

        assertEquals(tree(first.asString()), tree(retry.asString()));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(PATH + "/" + first.path("id"), retry.header("Location"));
        assertEquals(1, total(ref));
        assertEquals(1, rowsWithKey(key));
    }

    @Test
    void theSameAnswersInAnotherOrderAreTheSameRequest() {
        String ref = uniqueRef("idem-order");
        String key = UUID.randomUUID().toString();
        Map<String, Object> answers = answers("neckPain", true, "neckPainSeverity", 3);
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(answers.keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, answers.get(k)));

        String id = post(body(ref, answers), key).then().statusCode(201).extract().path("id");
        post(body(ref, reversed), key).then().statusCode(201).body("id", equalTo(id));
        assertEquals(1, total(ref));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        String ref = uniqueRef("idem-422");
        String key = UUID.randomUUID().toString();
        String id = post(body(ref, answers("daysPerWeek", 3)), key).then().statusCode(201).extract().path("id");

        post(body(ref, answers("daysPerWeek", 4)), key).then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("type", endsWith("/unprocessable"))
                .body("title", equalTo("Idempotency-Key reused"));
        // another clientRef with the same answers is another body too
        post(body(uniqueRef("idem-422-other"), answers("daysPerWeek", 3)), key).then().statusCode(422);

        assertEquals(1, total(ref));
        assertEquals(1, rowsWithKey(key));
        post(body(ref, answers("daysPerWeek", 3)), key).then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void differentKeysAreDifferentAssessments() {
        String ref = uniqueRef("idem-two");
        Map<String, Object> body = body(ref, answers());
        String a = post(body, UUID.randomUUID().toString()).then().statusCode(201).extract().path("id");
        String b = post(body, UUID.randomUUID().toString()).then().statusCode(201).extract().path("id");
        String c = post(body).then().statusCode(201).extract().path("id");
        assertNotEquals(a, b);
        assertEquals(3, Set.of(a, b, c).size());
        assertEquals(3, total(ref));
    }

    @Test
    void concurrentRetriesStoreExactlyOneAndAllGetItsId() throws Exception {
        String ref = uniqueRef("idem-concurrent");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body(ref, answers("upperTrapDominance", true));
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(body, key);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            for (Response r : responses) {
                assertEquals(201, r.statusCode(), r.asString());
            }
            Set<String> ids = responses.stream().map(r -> (String) r.path("id")).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "ids: " + ids);
            Set<JsonNode> bodies = responses.stream().map(r -> tree(r.asString())).collect(Collectors.toSet());
            assertEquals(1, bodies.size());
            assertEquals(1, responses.stream().filter(r -> "false".equals(r.header("Idempotent-Replayed"))).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rowsWithKey(key));
        assertEquals(1, total(ref));
    }

    // A lost race for the key's unique constraint is the design (the loser answers with the winner's row), not a
    // problem for whoever reads the log: Hibernate's WARN for it is off; an SQL error still logs at ERROR.
    @Test
    void aLostRaceForTheKeyIsNotLoggedAsAWarning() {
        java.util.logging.Logger sqlErrors = java.util.logging.Logger.getLogger("org.hibernate.orm.jdbc.error");
        assertFalse(sqlErrors.isLoggable(java.util.logging.Level.WARNING));
        assertTrue(sqlErrors.isLoggable(java.util.logging.Level.SEVERE));
    }
}
