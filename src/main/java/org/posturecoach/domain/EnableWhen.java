package org.posturecoach.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** A FHIR-style condition: the item is enabled when {@code question} compares to {@code answer} by {@code operator}. */
public record EnableWhen(String question, String operator, JsonNode answer) {
}
