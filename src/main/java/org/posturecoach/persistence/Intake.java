package org.posturecoach.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One intake conversation as stored. Answers, skipped questions and warnings are JSON text: the questionnaire is
 * data, so they have no fixed columns. The rules of the conversation live in {@code IntakeService}.
 */
@Entity
@Table(name = "intakes")
public class Intake {

    @Id
    public String id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "client_ref")
    public String clientRef;

    /** {@code in-progress}, {@code referred}, {@code complete}, {@code assessed} or {@code expired}. */
    public String status;

    /** JSON object questionId → normalised answer. */
    public String answers;

    /** JSON array of skipped optional question ids. */
    public String skipped;

    /** JSON array of warnings from the engine (the stop warning once referred). */
    public String warnings;

    @Column(name = "assessment_id")
    public String assessmentId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The last change by the client; idle time is counted from here. */
    @Column(name = "updated_at")
    public Instant updatedAt;
}
