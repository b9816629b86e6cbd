package org.posturecoach.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.posturecoach.domain.Question;
import org.posturecoach.engine.Evaluation;
import org.posturecoach.intake.Conversation;
import org.posturecoach.intake.IntakeStatus;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of every intake response. {@code next} is the questionnaire item to ask (with its {@code why}), null once
 * nothing is left or the conversation ended; {@code remaining} counts the relevant questions still to ask;
 * {@code assessable} says whether {@code POST /api/v1/intakes/{id}/assessment} answers 201 now (every required
 * question answered, or a referral; the optional questions left are then passed over);
 * {@code warnings} are the engine's (the stop warning when referred); {@code history} lists answers changed or
 * dropped; {@code expiresAt} is when an idle conversation expires (null once referred or assessed).
 */
@JsonPropertyOrder({ "id", "status", "clientRef", "answers", "skipped", "next", "remaining", "assessable", "warnings",
        "history", "assessmentId", "createdAt", "updatedAt", "expiresAt" })
public record IntakeView(String id, IntakeStatus status, @Schema(nullable = true) String clientRef,
        Map<String, Object> answers, List<String> skipped, @Schema(nullable = true) Question next, int remaining,
        boolean assessable,
        @Schema(type = SchemaType.ARRAY, implementation = Evaluation.WarningView.class) JsonNode warnings,
        List<Conversation.Change> history, @Schema(nullable = true) String assessmentId, Instant createdAt,
        Instant updatedAt, @Schema(nullable = true) Instant expiresAt) {

    static IntakeView of(Conversation c) {
        return new IntakeView(c.id(), c.status(), c.clientRef(), c.answers(), c.skipped(), c.next(), c.remaining(),
                c.assessable(), c.warnings(), c.history(), c.assessmentId(), c.createdAt(), c.updatedAt(),
                c.expiresAt());
    }
}
