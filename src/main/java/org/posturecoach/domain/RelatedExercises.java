package org.posturecoach.domain;

import java.util.List;

public record RelatedExercises(List<String> easier, List<String> harder, List<String> alternatives) {
    public RelatedExercises {
        easier = easier == null ? List.of() : List.copyOf(easier);
        harder = harder == null ? List.of() : List.copyOf(harder);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
