package org.posturecoach.domain;

import java.util.List;

public record Catalogue(List<Exercise> exercises) {
    public Catalogue {
        exercises = List.copyOf(exercises);
    }
}
