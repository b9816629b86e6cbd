package org.posturecoach.engine;

import java.util.List;

import org.posturecoach.domain.Explanation;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the rules decided for one set of answers: the decision part of an Assessment. */
public record Evaluation(String knowledgeBaseVersion, String outcome, List<FindingView> findings,
        List<WarningView> warnings, Plan plan, List<ExcludedView> excluded, List<String> firedRules) {

    public static final String PLAN = "plan";
    public static final String REFER = "refer";

    public record FindingView(String code, String title, Explanation explanation) {
    }

    public record WarningView(String code, String severity, String message, Explanation explanation) {
    }

    public record ExcludedView(String exerciseId, String reason, String detail, Explanation explanation) {
    }

    public record Plan(int sessionsPerWeek, int weeklyWorkingSets, int weeklyWorkingSetCap, List<Session> sessions,
            List<Item> daily, List<Progression> progression) {
    }

    public record Session(int day, List<Item> warmup, List<Item> main, List<Item> cooldown) {
    }

    /** {@code reps}, {@code holdSeconds}, {@code restSeconds} and {@code tempo} are left out when the item has none. */
    public record Item(String exerciseId, String name, String category, int sets,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reps,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer holdSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer restSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) String tempo,
            boolean perSide, List<String> cues, Explanation explanation) {
    }

    public record Progression(String weeks, String focus, String changes, Explanation explanation) {
    }
}
