package org.posturecoach.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.posturecoach.domain.Question;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An intake conversation as it stands: what was answered or skipped, the next question to ask (null when none),
 * how many relevant questions remain, whether the conversation can be assessed now, the engine's warnings, and the
 * history of changed or dropped answers.
 * {@code expiresAt} is set only while the conversation is open.
 */
public record Conversation(String id, IntakeStatus status, String clientRef, Map<String, Object> answers,
        List<String> skipped, Question next, int remaining, boolean assessable, JsonNode warnings,
        List<Change> history, String assessmentId, Instant createdAt, Instant updatedAt, Instant expiresAt) {

    /** One history entry: {@code changed} (from → to) or {@code dropped} (from, and why in {@code detail}). */
    @Schema(name = "AnswerChange")
    public record Change(Instant at, String type, String questionId,
            @Schema(implementation = Object.class, nullable = true, description = "the answer before (any JSON value)")
            JsonNode from,
            @Schema(implementation = Object.class, nullable = true, description = "the answer after; null when dropped")
            JsonNode to,
            @Schema(nullable = true) String detail) {
    }
}
