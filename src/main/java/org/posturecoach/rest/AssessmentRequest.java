package org.posturecoach.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code answers} stays raw JSON so that validation can point at each field; {@code clientRef} ≤ 64 chars. */
public record AssessmentRequest(String clientRef, JsonNode answers) {
}
