package org.posturecoach.domain;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kie.api.definition.type.Modifies;

/**
 * An eligible exercise for the main block. Scoring rules give it {@link Preference}s; once totalled, selection
 * rules take the highest score, ties broken by id.
 */
public final class Candidate {
    private final Exercise exercise;
    private int score;
    private int rank;
    private Set<String> reasons = Set.of();

    public Candidate(Exercise exercise) {
        this.exercise = exercise;
    }

    public Exercise getExercise() { return exercise; }
    public String getExerciseId() { return exercise.getId(); }
    public int getScore() { return score; }

    /** 1 for the best candidate: highest score first, ties by exercise id. Set once, after scoring. */
    public int getRank() { return rank; }
    @Modifies({ "rank" })
    public void setRank(int rank) { this.rank = rank; }
    public boolean isRow() { return exercise.getTags().contains("row"); }
    public boolean isPosture() { return exercise.getTags().contains("posture"); }
    public boolean isIsolation() { return exercise.getTags().contains("isolation"); }
    public boolean hasTag(String tag) { return exercise.getTags().contains(tag); }

    /** Finding codes or question ids that made this candidate more relevant, in a stable order. */
    public Set<String> getReasons() { return reasons; }

    /** Whether any answer or finding (beyond equipment) made this candidate more relevant. */
    public boolean isRelevant() { return !reasons.isEmpty(); }

    /** The score a list of preferences adds up to. */
    public static int total(List<Preference> preferences) {
        int total = 0;
        for (Preference p : preferences) {
            total += p.getPoints();
        }
        return total;
    }

    /** Totals the preferences given to this candidate; called once, inside {@code modify}. */
    @Modifies({ "score", "reasons", "relevant" })
    public void setPreferences(List<Preference> preferences) {
        Set<String> why = new TreeSet<>();
        for (Preference p : preferences) {
            why.addAll(p.getBecause());
        }
        this.score = total(preferences);
        this.reasons = Collections.unmodifiableSet(why);
    }
}
