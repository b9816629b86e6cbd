package org.posturecoach.domain;

/** {@code condition} is a finding code; when the finding is present the exercise is left out. */
public record Contraindication(String condition, String note) {
}
