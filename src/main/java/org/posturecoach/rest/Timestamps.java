package org.posturecoach.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every timestamp leaves as ISO-8601 UTC with exactly six fraction digits ({@code 2026-11-30T23:00:03.770000Z}), the
 * precision both databases store: the same instant always reads the same, and timestamps sort as text. (Jackson's
 * default drops trailing zeros, so {@code .770Z} and {@code .802166Z} would sit side by side.)
 */
@Singleton
public class Timestamps implements ObjectMapperCustomizer {

    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    /**
     * Last of all customizers: Quarkus registers the Java time module late (its own priority is just above the
     * minimum), and a serializer registered later wins, so at the default priority Jackson's own Instant format
     * (up to nine fraction digits) would replace this one.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("timestamps").addSerializer(Instant.class,
                new StdSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(FORMAT.format(value));
                    }
                }));
    }
}
