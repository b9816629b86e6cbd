package org.posturecoach.domain;

/** A default dosage from the catalogue. {@code reps} is text such as "8-10"; holds are in seconds. */
public record Dose(Integer sets, String reps, Integer holdSeconds, Integer restSeconds, String tempo, boolean perSide) {
}
