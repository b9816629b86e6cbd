package org.posturecoach.intake;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a conversation stands. Only {@link #IN_PROGRESS} and {@link #COMPLETE} accept answers. Clients see the
 * contract's statuses ({@code in-progress}, {@code referred}, {@code complete}) and {@code expired}: an assessed
 * conversation is stored as {@code assessed} (it takes no more answers) and shown as {@code complete}, with its
 * {@code assessmentId}.
 */
public enum IntakeStatus {
    /** Questions remain. */
    IN_PROGRESS("in-progress"),
    /** A red flag was answered yes: no more questions, see a medical professional. */
    REFERRED("referred"),
    /** Nothing left to ask: ready for an assessment. */
    COMPLETE("complete"),
    /** An assessment was made from the answers; shown as {@code complete} (with the assessment's id). */
    ASSESSED("assessed"),
    /** Idle longer than the configured time; start a new conversation. */
    EXPIRED("expired");

    private final String code;

    IntakeStatus(String code) {
        this.code = code;
    }

    /** The stored code. */
    public String code() {
        return code;
    }

    /** What clients see: the stored code, except that an assessed conversation is {@code complete}. */
    @JsonValue
    public String shown() {
        return this == ASSESSED ? COMPLETE.code : code;
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
