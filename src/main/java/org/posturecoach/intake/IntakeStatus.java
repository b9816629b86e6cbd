package org.posturecoach.intake;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a conversation stands. Only {@link #IN_PROGRESS} and {@link #COMPLETE} accept answers. */
public enum IntakeStatus {
    /** Questions remain. */
    IN_PROGRESS("in-progress"),
    /** A red flag was answered yes: no more questions, see a medical professional. */
    REFERRED("referred"),
    /** Nothing left to ask: ready for an assessment. */
    COMPLETE("complete"),
    /** An assessment was made from the answers. */
    ASSESSED("assessed"),
    /** Idle longer than the configured time; start a new conversation. */
    EXPIRED("expired");

    private final String code;

    IntakeStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Open conversations take answers and expire when idle. */
    public boolean isOpen() {
        return this == IN_PROGRESS || this == COMPLETE;
    }

    public static IntakeStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown intake status " + code));
    }
}
