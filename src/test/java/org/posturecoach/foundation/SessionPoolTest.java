package org.posturecoach.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.SessionPool;
import org.posturecoach.rules.RuleHarness;

/**
 * The knowledge base's session pool hands out the session returned last (so a steady load keeps reusing the same
 * few and the garbage collector does not copy every idle session's last evaluation), keeps at most its limit, and
 * gives out sessions with no facts: a reused session decides exactly as a new one, also when more requests than
 * it keeps evaluate at once.
 */
class SessionPoolTest {

    private static final KnowledgeBase KB = RuleHarness.kb();

    @Test
    void theSessionReturnedLastIsTheNextOneOut() {
        SessionPool pool = new SessionPool(KB.kieBase(), 4);
        KieSession a = pool.borrow();
        KieSession b = pool.borrow();
        assertNotSame(a, b);
        pool.giveBack(a);
        pool.giveBack(b);
        assertSame(b, pool.borrow(), "last in, first out");
        assertSame(a, pool.borrow());
        // Near miss: with none waiting, a new session.
        KieSession c = pool.borrow();
        assertNotSame(a, c);
        assertNotSame(b, c);
    }

    @Test
    void keepsAtMostItsLimitAndDisposesTheRest() {
        SessionPool pool = new SessionPool(KB.kieBase(), 2);
        KieSession a = pool.borrow();
        KieSession b = pool.borrow();
        KieSession c = pool.borrow();
        pool.giveBack(a);
        pool.giveBack(b);
        assertEquals(2, pool.idle());
        pool.giveBack(c);
        assertEquals(2, pool.idle(), "the third is disposed, not kept");
        assertSame(b, pool.borrow());
        assertSame(a, pool.borrow());
        assertThrows(IllegalArgumentException.class, () -> new SessionPool(KB.kieBase(), 0));
    }

    @Test
    void aReturnedSessionHoldsNoFactsAndDecidesAsANewOne() {
        Map<String, Object> answers = RuleHarness.with(RuleHarness.baseline(), "lowBackPain", true,
                "upperTrapDominance", true, "deskHoursPerDay", 9);
        Evaluation first = RuleHarness.evaluate(KB, answers);
        KieSession reused = KB.sessions().borrow();
        assertEquals(0, reused.getFactCount(), "reset on return");
        KB.sessions().giveBack(reused);
        // Another answer set in between, then the first again on the reused session.
        RuleHarness.evaluate(KB, RuleHarness.with(RuleHarness.baseline(), "nightPain", true));
        assertEquals(first, RuleHarness.evaluate(KB, answers));
    }

    @Test
    void concurrentEvaluationsDecideAsSequentialOnes() throws Exception {
        String[] symptoms = { "lowBackPain", "shoulderPainOverhead", "upperTrapDominance", "midBackStiffness",
                "roundedShoulders", "nightPain" };
        List<List<String>> kits = List.of(List.of("none"), List.of("resistance-band"), List.of("dumbbells", "bench"),
                List.of("barbell"));
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int mask = 0; mask < 1 << symptoms.length; mask++) {
            Map<String, Object> a = RuleHarness.with(RuleHarness.baseline(), "equipment", kits.get(mask % kits.size()),
                    "experience", mask % 3 == 0 ? "beginner" : "advanced", "daysPerWeek", 1 + mask % 7);
            for (int i = 0; i < symptoms.length; i++) {
                a.put(symptoms[i], (mask & 1 << i) != 0);
            }
            sets.add(a);
        }
        List<Evaluation> sequential = sets.stream().map(a -> RuleHarness.evaluate(KB, a)).toList();
        // More threads than the pool keeps (4 per CPU): sessions are made, reused and disposed while others run.
        ExecutorService threads = Executors.newFixedThreadPool(4 * Runtime.getRuntime().availableProcessors() + 4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Evaluation>> running = new ArrayList<>();
                for (Map<String, Object> a : sets) {
                    running.add(threads.submit(() -> RuleHarness.evaluate(KB, a)));
                }
                for (int i = 0; i < sets.size(); i++) {
                    assertEquals(sequential.get(i), running.get(i).get(), "answer set " + sets.get(i));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
