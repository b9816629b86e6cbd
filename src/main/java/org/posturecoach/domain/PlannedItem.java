package org.posturecoach.domain;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.definition.type.Modifies;

/**
 * One prescribed exercise in one part of one session ({@code day} 1-7) or of the daily routine ({@code day} 0).
 * Dosage and volume rules modify sets, reps, tempo and cues.
 */
public final class PlannedItem {
    private final int day;
    private final String part;
    private final int position;
    private final Exercise exercise;
    private int sets;
    private String reps;
    private Integer holdSeconds;
    private Integer restSeconds;
    private String tempo;
    private final List<String> cues;
    private final Explanation explanation;

    public PlannedItem(int day, String part, int position, Exercise exercise, Explanation explanation) {
        this.day = day;
        this.part = part;
        this.position = position;
        this.exercise = exercise;
        this.explanation = explanation;
        Dose dose = exercise.getDefaultDose();
        this.sets = dose == null || dose.sets() == null ? 1 : dose.sets();
        this.reps = dose == null ? null : dose.reps();
        this.holdSeconds = dose == null ? null : dose.holdSeconds();
        this.restSeconds = dose == null ? null : dose.restSeconds();
        this.tempo = dose == null ? null : dose.tempo();
        this.cues = new ArrayList<>(exercise.getCues());
    }

    public int getDay() { return day; }
    public String getPart() { return part; }
    public boolean isMain() { return "main".equals(part); }
    public int getPosition() { return position; }
    public Exercise getExercise() { return exercise; }
    public String getExerciseId() { return exercise.getId(); }
    public int getSets() { return sets; }
    public void setSets(int sets) { this.sets = sets; }
    public String getReps() { return reps; }
    public void setReps(String reps) { this.reps = reps; }
    public Integer getHoldSeconds() { return holdSeconds; }
    public void setHoldSeconds(Integer holdSeconds) { this.holdSeconds = holdSeconds; }
    public Integer getRestSeconds() { return restSeconds; }
    public void setRestSeconds(Integer restSeconds) { this.restSeconds = restSeconds; }
    public String getTempo() { return tempo; }
    public void setTempo(String tempo) { this.tempo = tempo; }
    public List<String> getCues() { return cues; }
    public Explanation getExplanation() { return explanation; }

    /** Adds a cue once; used by cue rules inside {@code modify}. */
    @Modifies({ "cues" })
    public void addCue(String cue) {
        if (!cues.contains(cue)) {
            cues.add(cue);
        }
    }

    /** Removes a cue the client cannot act on; used by cue rules inside {@code modify}. */
    @Modifies({ "cues" })
    public void removeCue(String cue) {
        cues.remove(cue);
    }

    /**
     * Puts {@code with} in place of the first of {@code old} the item has and drops the others; nothing changes when it
     * has none of them. Used by cue rules inside {@code modify}.
     */
    @Modifies({ "cues" })
    public void replaceCues(java.util.Collection<String> old, String with) {
        int first = -1;
        for (int k = 0; k < cues.size() && first < 0; k++) {
            if (old.contains(cues.get(k))) {
                first = k;
            }
        }
        if (first < 0) {
            return;
        }
        // `with` takes the first old cue's place; the other old cues, and any other copy of `with`, go.
        List<String> out = new ArrayList<>();
        for (int k = 0; k < cues.size(); k++) {
            String cue = cues.get(k);
            if (k == first) {
                out.add(with);
            } else if (!old.contains(cue) && !cue.equals(with)) {
                out.add(cue);
            }
        }
        cues.clear();
        cues.addAll(out);
    }

    public boolean hasTag(String tag) { return exercise.getTags().contains(tag); }
}
