package org.posturecoach.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A default dosage from the catalogue. {@code reps} is text such as "8-10"; holds are in seconds. */
public record Dose(Integer sets, @Schema(nullable = true) String reps, @Schema(nullable = true) Integer holdSeconds,
        @Schema(nullable = true) Integer restSeconds, @Schema(nullable = true) String tempo, boolean perSide) {
}
