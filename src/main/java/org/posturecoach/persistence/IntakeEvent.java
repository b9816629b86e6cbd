package org.posturecoach.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of an intake's history: an answer changed, or dropped because a change made its question irrelevant. */
@Entity
@Table(name = "intake_events")
public class IntakeEvent {

    @Id
    public String id;

    @Column(name = "intake_id")
    public String intakeId;

    /** Order within the intake, from 1. */
    public int seq;

    @Column(name = "occurred_at")
    public Instant at;

    /** {@code changed} or {@code dropped}. */
    @Column(name = "event_type")
    public String type;

    @Column(name = "question_id")
    public String questionId;

    /** JSON of the answer before. */
    @Column(name = "from_value")
    public String from;

    /** JSON of the answer after; null when dropped. */
    @Column(name = "to_value")
    public String to;

    public String detail;
}
