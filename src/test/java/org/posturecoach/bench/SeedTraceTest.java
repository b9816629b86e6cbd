package org.posturecoach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.posturecoach.domain.Exercise;
import org.posturecoach.knowledge.KnowledgeBase;
import org.posturecoach.rules.RuleHarness;

/** rules/SEED-TRACE.md cites only real rules, exercises, doses and cues, and leaves none of them out. */
class SeedTraceTest {

    private static final Path TRACE = Path.of("rules/SEED-TRACE.md");

    private static SeedTrace trace() throws IOException {
        return new SeedTrace(Files.readString(TRACE, StandardCharsets.UTF_8));
    }

    private static KnowledgeBase kb() {
        return RuleHarness.kb();
    }

    @Test
    void everyCitedRuleExistsInTheFileItIsCitedIn() throws IOException {
        SeedTrace t = trace();
        assertTrue(t.rules().size() >= 80, "too few rule citations parsed: " + t.rules().size());
        assertEquals(List.of(), t.unknownRules(kb().rulesByFile()));
    }

    @Test
    void everyRuleOfTheKnowledgeBaseIsCited() throws IOException {
        assertEquals(List.of(), trace().uncitedRules(kb().rulesByFile()));
    }

    @Test
    void everyCitedExerciseIsInTheCatalogue() throws IOException {
        assertEquals(List.of(), trace().unknownExercises(kb().exercisesById()));
    }

    @Test
    void everyCatalogueExerciseHasItsDoseWrittenAndEveryWrittenDoseIsTheCatalogues() throws IOException {
        SeedTrace t = trace();
        assertEquals(List.of(), t.uncitedExercises(kb().exercisesById()));
        assertEquals(List.of(), t.wrongDoses(kb().exercisesById()));
    }

    @Test
    void everyQuotedCueIsACatalogueCue() throws IOException {
        assertEquals(List.of(), trace().unknownCues(kb().exercisesById(), ruleCues()));
    }

    /** The cues the rules in rules/ add to plan items. */
    private static Set<String> ruleCues() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            List<String> drl = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                drl.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            Set<String> cues = SeedTrace.ruleCues(drl);
            assertTrue(cues.size() >= 5, "too few rule cues parsed: " + cues);
            return cues;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "## Seed 000", "## Seed 001", "## Seed 002", "## Seed 003", "## Seed 004",
            "## Red flags", "## Not carried" })
    void everySeedHasATableOfPrescriptions(String heading) throws IOException {
        assertTrue(trace().rowsUnder(heading) >= 5 || heading.equals("## Red flags") && trace().rowsUnder(heading) == 1,
                heading + " has " + trace().rowsUnder(heading) + " rows");
    }

    // ------------------------------------------------------------------------------------ the checker can fail

    @Test
    void aMisspelledOrMisfiledRuleIsReported() {
        SeedTrace t = new SeedTrace("""
                | 001 | cap | "Volume: at most 12 working mid-back sets a week" (`volume/volume.drl`) | |
                | 001 | cap | "Volume: at most 13 working mid-back sets a week" (`volume/volume.drl`) | |
                | 001 | cap | "Volume: at most 12 working mid-back sets a week" (`dosage/dosage.drl`) | |
                """);
        assertEquals(List.of(
                "\"Volume: at most 13 working mid-back sets a week\" is not a rule of rules/posturecoach/volume/volume.drl",
                "\"Volume: at most 12 working mid-back sets a week\" is not a rule of rules/posturecoach/dosage/dosage.drl"),
                t.unknownRules(kb().rulesByFile()));
        assertTrue(t.uncitedRules(kb().rulesByFile())
                .contains("\"Volume: trim main sets to the weekly cap of 12\" (rules/posturecoach/volume/volume.drl) is not cited"));
    }

    @Test
    void anUnknownExerciseAWrongDoseAndAnInventedCueAreReported() {
        Map<String, Exercise> catalogue = kb().exercisesById();
        SeedTrace t = new SeedTrace("""
                | 002 | band row | exercise `band-row` defaultDose 2×10 per side | |
                | 002 | band row | exercise `band-row` defaultDose 2×10 | |
                | 001 | Y-raise | exercise `prone-y-raise` defaultDose 3×12-15 | |
                | 001 | Y-raise | exercise `prone-y-raise` defaultDose 3×12-15 s | |
                | 003 | sphinx | exercise `sphinx-pose` defaultDose 1×6 | |
                | 003 | sphinx | exercise `sphinx-pose` defaultDose 2×30 s | |
                | 000 | rows | exercise `banded-row` | Cue "Keep the shoulders down and away from the ears; don't let the upper traps take over (no shrugging)" |
                | 000 | rows | exercise `barbell-row` cues | Cue "Shrug hard at the top" |
                | 001 | squeezes | "Dosage: x" (`dosage/dosage.drl`) | Cue "Squeeze first" |
                """);
        assertEquals(List.of("exercise `banded-row` is not in the catalogue"), t.unknownExercises(catalogue));
        assertEquals(List.of(
                "exercise `band-row` written as 2×10, catalogue says 2×10 per side",
                "exercise `prone-y-raise` written as 3×12-15 s, catalogue says 3×12-15",
                "exercise `sphinx-pose` written as 2×30 s, catalogue says 1×6"), t.wrongDoses(catalogue));
        assertEquals(List.of("cue \"Shrug hard at the top\" is not a catalogue cue",
                "cue \"Squeeze first\" is not a catalogue cue"), t.unknownCues(catalogue, Set.of()));
        // A cue a rule adds is a known cue.
        Set<String> added = SeedTrace.ruleCues(List.of("then modify($i) { addCue(\"Squeeze first\") } end"));
        assertEquals(Set.of("Squeeze first"), added);
        assertEquals(List.of("cue \"Shrug hard at the top\" is not a catalogue cue"), t.unknownCues(catalogue, added));
        assertTrue(t.uncitedExercises(catalogue).contains("exercise `cat-cow` has no defaultDose written"));
    }
}
