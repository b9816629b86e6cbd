package org.posturecoach.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.posturecoach.domain.Dose;
import org.posturecoach.domain.Exercise;

/**
 * Reads rules/SEED-TRACE.md and checks it against a knowledge base: rule citations are written
 * {@code "Rule name" (`folder/file.drl`)} (relative to rules/posturecoach/), catalogue entries
 * {@code exercise `id`}, doses {@code exercise `id` defaultDose 3×12-15}, {@code 3×30 s}, optionally
 * {@code per side}, and quoted cues sit in table cells that mention cues.
 */
final class SeedTrace {

    static final String RULE_DIR = "posturecoach/";

    private static final Pattern RULE = Pattern.compile("\"([^\"]+)\" \\(`([^`]+\\.drl)`\\)");
    private static final Pattern EXERCISE = Pattern.compile("\\bexercise `([a-z0-9-]+)`");
    private static final Pattern DOSE = Pattern.compile(
            "\\bexercise `([a-z0-9-]+)` defaultDose (\\d+)×(\\d+(?:-\\d+)?)( s\\b)?( per side)?");
    private static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern CUE_WORD = Pattern.compile("(?i)\\bcues?\\b");
    private static final Pattern ADD_CUE = Pattern.compile("addCue\\(\"([^\"]+)\"\\)");

    record RuleRef(String name, String file) {
    }

    private final String text;

    SeedTrace(String text) {
        this.text = text;
    }

    Set<RuleRef> rules() {
        Set<RuleRef> out = new LinkedHashSet<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            out.add(new RuleRef(m.group(1), RULE_DIR + m.group(2)));
        }
        return out;
    }

    Set<String> exercises() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = EXERCISE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Every rule cited but missing from the file it is cited in (rulesByFile: file → rule names). */
    List<String> unknownRules(Map<String, List<String>> rulesByFile) {
        List<String> problems = new ArrayList<>();
        for (RuleRef r : rules()) {
            if (!rulesByFile.getOrDefault(r.file(), List.of()).contains(r.name())) {
                problems.add("\"" + r.name() + "\" is not a rule of rules/" + r.file());
            }
        }
        return problems;
    }

    /** Every rule of the knowledge base that the trace does not cite (with its file). */
    List<String> uncitedRules(Map<String, List<String>> rulesByFile) {
        Set<RuleRef> cited = rules();
        List<String> problems = new ArrayList<>();
        rulesByFile.forEach((file, names) -> names.stream()
                .filter(n -> !cited.contains(new RuleRef(n, file)))
                .forEach(n -> problems.add("\"" + n + "\" (rules/" + file + ") is not cited")));
        return problems;
    }

    List<String> unknownExercises(Map<String, Exercise> catalogue) {
        return exercises().stream().filter(id -> !catalogue.containsKey(id))
                .map(id -> "exercise `" + id + "` is not in the catalogue").toList();
    }

    List<String> uncitedExercises(Map<String, Exercise> catalogue) {
        Set<String> dosed = new LinkedHashSet<>();
        Matcher m = DOSE.matcher(text);
        while (m.find()) {
            dosed.add(m.group(1));
        }
        return catalogue.keySet().stream().filter(id -> !dosed.contains(id))
                .map(id -> "exercise `" + id + "` has no defaultDose written").toList();
    }

    /** Every written dose that differs from the catalogue's defaultDose (sets, reps or hold, per side). */
    List<String> wrongDoses(Map<String, Exercise> catalogue) {
        List<String> problems = new ArrayList<>();
        Matcher m = DOSE.matcher(text);
        while (m.find()) {
            Exercise e = catalogue.get(m.group(1));
            if (e == null || e.getDefaultDose() == null) {
                continue; // reported by unknownExercises
            }
            Dose d = e.getDefaultDose();
            boolean hold = m.group(4) != null;
            boolean perSide = m.group(5) != null;
            String catalogueText = d.sets() + "×" + (d.reps() != null ? d.reps() : d.holdSeconds() + " s")
                    + (d.perSide() ? " per side" : "");
            boolean same = d.sets() != null && d.sets() == Integer.parseInt(m.group(2))
                    && (hold ? d.reps() == null && String.valueOf(d.holdSeconds()).equals(m.group(3))
                            : m.group(3).equals(d.reps()))
                    && perSide == d.perSide();
            if (!same) {
                problems.add("exercise `" + e.getId() + "` written as " + m.group().replaceFirst(".*defaultDose ", "")
                        + ", catalogue says " + catalogueText);
            }
        }
        return problems;
    }

    /** Cues the rules add to plan items: the text of every {@code addCue("...")} in the DRL sources given. */
    static Set<String> ruleCues(Collection<String> drlSources) {
        Set<String> out = new LinkedHashSet<>();
        for (String drl : drlSources) {
            Matcher m = ADD_CUE.matcher(drl);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Quoted text in a table cell that speaks of cues must be a cue of some catalogue exercise, or a cue a rule adds
     * ({@link #ruleCues}).
     */
    List<String> unknownCues(Map<String, Exercise> catalogue, Set<String> ruleCues) {
        Set<String> cues = new LinkedHashSet<>(ruleCues);
        catalogue.values().forEach(e -> cues.addAll(e.getCues()));
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            for (String cell : line.split("\\|")) {
                String withoutRules = RULE.matcher(cell).replaceAll("");
                if (!CUE_WORD.matcher(withoutRules).find()) {
                    continue;
                }
                Matcher q = QUOTE.matcher(withoutRules);
                while (q.find()) {
                    if (!cues.contains(q.group(1))) {
                        problems.add("cue \"" + q.group(1) + "\" is not a catalogue cue");
                    }
                }
            }
        }
        return problems;
    }

    /** Data rows (not header or separator) under the heading that starts with {@code heading}. */
    int rowsUnder(String heading) {
        int rows = 0;
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                in = line.startsWith(heading);
            } else if (in && line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| Seed |")) {
                rows++;
            }
        }
        return rows;
    }
}
