package org.posturecoach.domain;

import java.util.List;

/** Experience levels in order, shared by exercises and clients. */
public final class Levels {
    /** The contract's levels, in order. */
    public static final List<String> ALL = List.of("beginner", "intermediate", "advanced");

    private Levels() {
    }

    public static int rank(String level) {
        if (level == null) {
            return 0;
        }
        return switch (level) {
            case "beginner" -> 1;
            case "intermediate" -> 2;
            case "advanced" -> 3;
            default -> 0;
        };
    }
}
