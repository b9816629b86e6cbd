package org.posturecoach.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code condition} is a finding code; when the finding is present the exercise is left out. {@code source} is the
 * seed file that says so, or null when the contraindication is house clinical policy or the contract's (an
 * exclusion then cites no seed rather than one that does not say it).
 */
public record Contraindication(String condition, String note, @Schema(nullable = true) String source) {
}
