package org.posturecoach.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time for intake timestamps and idle expiry. A bean so that tests can move time forward instead of sleeping.
 * Microseconds: what both databases store, so a value read back equals the value written.
 */
@ApplicationScoped
public class IntakeClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
