package org.posturecoach.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.knowledge.SessionPool;
import org.posturecoach.rules.RuleHarness;

/**
 * The knowledge base's session pool hands out the session returned last (so a steady load keeps reusing the same
 * few and the garbage collector does not copy every idle session's last evaluation), keeps at most its limit, and
 * gives out sessions with no facts: a reused session decides exactly as a new one.
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
}
