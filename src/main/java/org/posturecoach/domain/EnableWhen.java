package org.posturecoach.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A FHIR-style condition: the item is enabled when {@code question} compares to {@code answer} by {@code operator}. */
public record EnableWhen(String question, String operator,
        @Schema(implementation = Object.class, description = "the value compared with, of the other question's type")
        JsonNode answer) {
}
