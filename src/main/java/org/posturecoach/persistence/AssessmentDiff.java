package org.posturecoach.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.posturecoach.engine.Evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What changed between a stored evaluation and a new one. A part appears only when something in it changed, so the
 * diff of two identical evaluations is the empty object {@code {}}. Lists are compared by their codes (findings,
 * warnings), exercise ids (excluded, plan exercises) or rule names (firedRules).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "knowledgeBaseVersion", "outcome", "findings", "warnings", "plan", "excluded",
        "firedRules" })
public record AssessmentDiff(Change knowledgeBaseVersion, Change outcome, Codes findings,
        Codes warnings, PlanDiff plan, Codes excluded, Codes firedRules) {

    /** A value before and after; either may be null (a plan that appears or disappears). */
    @Schema(name = "ValueChange")
    public record Change(Object from, Object to) {
        static Change of(Object from, Object to) {
            return Objects.equals(from, to) ? null : new Change(from, to);
        }
    }

    /** Codes present only in the new evaluation, and codes present only in the stored one. */
    public record Codes(List<String> added, List<String> removed) {
        static Codes of(List<String> before, List<String> after) {
            Set<String> added = new LinkedHashSet<>(after);
            added.removeAll(before);
            Set<String> removed = new LinkedHashSet<>(before);
            removed.removeAll(after);
            return added.isEmpty() && removed.isEmpty() ? null : new Codes(List.copyOf(added), List.copyOf(removed));
        }
    }

    /**
     * {@code changed} is true whenever the plans differ in anything (days, sets, reps, cues...); the other parts
     * summarise the differences a reader looks for first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanDiff(boolean changed, Change sessionsPerWeek, Change weeklyWorkingSets,
            Change weeklyWorkingSetCap, Codes exercises) {
    }

    public static AssessmentDiff between(Evaluation before, Evaluation after) {
        Change version = Change.of(before.knowledgeBaseVersion(), after.knowledgeBaseVersion());
        Change outcome = Change.of(before.outcome(), after.outcome());
        Codes findings = Codes.of(codes(before.findings(), Evaluation.FindingView::code),
                codes(after.findings(), Evaluation.FindingView::code));
        Codes warnings = Codes.of(codes(before.warnings(), Evaluation.WarningView::code),
                codes(after.warnings(), Evaluation.WarningView::code));
        Codes excluded = Codes.of(codes(before.excluded(), Evaluation.ExcludedView::exerciseId),
                codes(after.excluded(), Evaluation.ExcludedView::exerciseId));
        Codes fired = Codes.of(nonNull(before.firedRules()), nonNull(after.firedRules()));
        PlanDiff plan = plan(before.plan(), after.plan());
        return new AssessmentDiff(version, outcome, findings, warnings, plan, excluded, fired);
    }

    private static PlanDiff plan(Evaluation.Plan before, Evaluation.Plan after) {
        if (Objects.equals(before, after)) {
            return null;
        }
        return new PlanDiff(true,
                Change.of(before == null ? null : before.sessionsPerWeek(),
                        after == null ? null : after.sessionsPerWeek()),
                Change.of(before == null ? null : before.weeklyWorkingSets(),
                        after == null ? null : after.weeklyWorkingSets()),
                Change.of(before == null ? null : before.weeklyWorkingSetCap(),
                        after == null ? null : after.weeklyWorkingSetCap()),
                Codes.of(exercises(before), exercises(after)));
    }

    /** Every exercise the plan names, in sessions and in the daily routine. */
    private static List<String> exercises(Evaluation.Plan plan) {
        List<String> ids = new ArrayList<>();
        if (plan == null) {
            return ids;
        }
        for (Evaluation.Session s : nonNull(plan.sessions())) {
            Stream.of(s.warmup(), s.main(), s.cooldown()).map(AssessmentDiff::nonNull)
                    .forEach(items -> items.forEach(i -> ids.add(i.exerciseId())));
        }
        nonNull(plan.daily()).forEach(i -> ids.add(i.exerciseId()));
        return ids;
    }

    private static <T> List<String> codes(List<T> items, Function<T, String> code) {
        return nonNull(items).stream().map(code).toList();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
