package org.posturecoach.engine;

/** The rules fired more often than the configured bound: a rule is looping. */
public class RuleLoopException extends RuntimeException {
    public RuleLoopException(int max, String lastRule) {
        super("Rule evaluation stopped after " + max + " firings; last rule fired: \"" + lastRule + "\"");
    }
}
