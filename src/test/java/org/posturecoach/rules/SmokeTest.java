package org.posturecoach.rules;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class SmokeTest {
    @Test
    void prints() throws Exception {
        var e = RuleHarness.evaluate(RuleHarness.with(RuleHarness.baseline(), "upperTrapDominance", true,
                "lowBackPain", true, "deskHoursPerDay", 8, "midBackStiffness", true, "neckPain", true, "neckPainSeverity", 7));
        System.out.println(new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(e));
    }
}
