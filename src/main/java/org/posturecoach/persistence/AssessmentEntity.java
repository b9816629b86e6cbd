package org.posturecoach.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored assessment. The answers and the evaluation are JSON text: the questionnaire and the rules are data, so
 * they have no fixed columns. {@code outcome} and {@code knowledgeBaseVersion} are copied out for queries.
 */
@Entity
@Table(name = "assessments")
public class AssessmentEntity {

    @Id
    public String id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "client_ref")
    public String clientRef;

    /** JSON object questionId → normalised answer, as validated. */
    public String answers;

    /** JSON of the {@code Evaluation}: everything the rules decided. */
    public String result;

    @Column(name = "knowledge_base_version")
    public String knowledgeBaseVersion;

    /** {@code plan} or {@code refer}. */
    public String outcome;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The Idempotency-Key of the creating POST, if it had one; unique per tenant. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 (hex) of the creating request's clientRef and answers, to tell a retry from a reused key. */
    @Column(name = "request_hash")
    public String requestHash;
}
