package org.posturecoach.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kie.api.definition.type.ClassReactive;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One catalogue entry (rules/catalogue/exercises.json). Inserted into every rule session as a fact;
 * the getters are what the DRL matches on.
 *
 * <p>Class-reactive: no rule modifies a catalogue entry, so Drools need not work out which of its properties each
 * pattern listens to, and patterns on it may test another pattern's values (the client's equipment, the session's
 * day) without being told at start that this makes them class-reactive.
 */
@ClassReactive
@JsonIgnoreProperties(ignoreUnknown = false)
public class Exercise {

    /** The contract's categories, in the order the contract lists them. */
    public static final List<String> CATEGORIES = List.of("warmup", "mobility", "activation", "strength", "stretch");

    /** The contract's low-back loads, lightest first. */
    public static final List<String> LOW_BACK_LOADS = List.of("low", "moderate", "high");

    private String id;
    private String name;
    private String category;
    private List<String> tags = List.of();
    private List<String> primaryMuscles = List.of();
    private List<String> secondaryMuscles = List.of();
    private List<String> equipment = List.of();
    private String lowBackLoad;
    private String level;
    private Dose defaultDose;
    private List<String> cues = List.of();
    private List<Contraindication> contraindications = List.of();
    @Schema(hidden = true) // the conditions of `contraindications`, for the rules; not sent
    private Set<String> contraindicationCodes = Set.of();
    private List<String> instructions = List.of();
    private RelatedExercises related = new RelatedExercises(null, null, null);
    private List<String> sources = List.of();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = List.copyOf(tags); }
    public List<String> getPrimaryMuscles() { return primaryMuscles; }
    public void setPrimaryMuscles(List<String> v) { this.primaryMuscles = List.copyOf(v); }
    public List<String> getSecondaryMuscles() { return secondaryMuscles; }
    public void setSecondaryMuscles(List<String> v) { this.secondaryMuscles = List.copyOf(v); }
    public List<String> getEquipment() { return equipment; }
    public void setEquipment(List<String> equipment) { this.equipment = List.copyOf(equipment); }
    public String getLowBackLoad() { return lowBackLoad; }
    public void setLowBackLoad(String lowBackLoad) { this.lowBackLoad = lowBackLoad; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public Dose getDefaultDose() { return defaultDose; }
    public void setDefaultDose(Dose defaultDose) { this.defaultDose = defaultDose; }
    public List<String> getCues() { return cues; }
    public void setCues(List<String> cues) { this.cues = List.copyOf(cues); }
    public List<Contraindication> getContraindications() { return contraindications; }
    public void setContraindications(List<Contraindication> c) {
        this.contraindications = List.copyOf(c);
        this.contraindicationCodes = c.stream().map(Contraindication::condition)
                .collect(Collectors.toUnmodifiableSet());
    }
    public List<String> getInstructions() { return instructions; }
    public void setInstructions(List<String> instructions) { this.instructions = List.copyOf(instructions); }
    public RelatedExercises getRelated() { return related; }
    public void setRelated(RelatedExercises related) { this.related = related; }
    public List<String> getSources() { return sources; }
    public void setSources(List<String> sources) { this.sources = List.copyOf(sources); }

    /** Finding codes that rule this exercise out (computed once: rules read it for every exercise and finding). */
    @JsonIgnore
    public Set<String> getContraindicationCodes() {
        return contraindicationCodes;
    }

    @JsonIgnore
    public int getLevelRank() {
        return Levels.rank(level);
    }

    /** 1 low, 2 moderate, 3 high: how much the exercise loads the low back (0 when unknown). */
    @JsonIgnore
    public int getLowBackLoadRank() {
        return switch (String.valueOf(lowBackLoad)) {
            case "low" -> 1;
            case "moderate" -> 2;
            case "high" -> 3;
            default -> 0;
        };
    }
}
