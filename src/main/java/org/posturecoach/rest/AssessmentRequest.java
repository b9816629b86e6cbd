package org.posturecoach.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code answers} stays raw JSON so that validation can point at each field; {@code clientRef} is optional, ≤ 64
 * characters counted as code points (see {@code AssessmentEngine.checkClientRef}).
 */
public record AssessmentRequest(String clientRef, JsonNode answers) {
}
