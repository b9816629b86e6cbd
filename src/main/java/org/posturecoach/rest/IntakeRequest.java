package org.posturecoach.rest;

/**
 * Starts an intake conversation; {@code clientRef} (optional, ≤ 64 characters counted as code points) is carried into
 * its assessment.
 */
public record IntakeRequest(String clientRef) {
}
