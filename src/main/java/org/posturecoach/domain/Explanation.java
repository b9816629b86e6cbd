package org.posturecoach.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kie.api.runtime.rule.RuleContext;

/** The answer to "why?": the rule that decided, the answers or findings behind it, and the seed it comes from. */
public record Explanation(String rule, List<String> because, @Schema(nullable = true) String source) {

    public Explanation {
        because = because == null ? List.of() : List.copyOf(because);
    }

    /** Built inside a rule's consequence, so the rule name is always the one that fired. */
    public static Explanation of(RuleContext drools, String source, String... because) {
        return new Explanation(drools.getRule().getName(), List.of(because), source);
    }

    public static Explanation of(RuleContext drools, String source, List<String> because) {
        return new Explanation(drools.getRule().getName(), because, source);
    }
}
