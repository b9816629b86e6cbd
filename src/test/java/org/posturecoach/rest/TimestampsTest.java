package org.posturecoach.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Timestamps leave with exactly six fraction digits, truncated, never rounded, and read back to the same instant. */
class TimestampsTest {

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new Timestamps().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-30T23:00:03Z,             2026-11-30T23:00:03.000000Z",
            "2026-11-30T23:00:03.770Z,         2026-11-30T23:00:03.770000Z",
            "2026-11-30T23:00:03.802166Z,      2026-11-30T23:00:03.802166Z",
            "2026-11-30T23:00:03.999999999Z,   2026-11-30T23:00:03.999999Z",
            "1999-01-01T00:00:00.000001Z,      1999-01-01T00:00:00.000001Z" })
    void sixFractionDigitsAlways(String instant, String written) throws Exception {
        ObjectMapper mapper = mapper();
        String json = mapper.writeValueAsString(Map.of("at", Instant.parse(instant)));
        assertEquals("{\"at\":\"" + written + "\"}", json);
        assertEquals(Instant.parse(written), mapper.readValue(json, Holder.class).at());
    }

    record Holder(Instant at) {
    }
}
