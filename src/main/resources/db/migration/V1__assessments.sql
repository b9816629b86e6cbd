-- Stored assessments. Runs unchanged on H2 2.x and PostgreSQL: no vendor types, no vendor defaults.
-- answers and result are JSON text (H2 reads "text" as an unbounded character varying, PostgreSQL as text).
create table assessments (
    id                     varchar(36)  not null,
    tenant_id              varchar(64)  not null,
    client_ref             varchar(64),
    answers                text         not null,
    result                 text         not null,
    knowledge_base_version varchar(100) not null,
    outcome                varchar(16)  not null,
    created_at             timestamp with time zone not null,
    -- Idempotency-Key of the POST that created the row, and the SHA-256 of that request; kept as long as the row.
    idempotency_key        varchar(200),
    request_hash           varchar(64),
    constraint pk_assessments primary key (id),
    -- A retried POST loses the race here and returns the winner; NULL keys never collide.
    constraint uq_assessments_idempotency unique (tenant_id, idempotency_key)
);

-- GET /api/v1/assessments?clientRef=X: newest first within a tenant and client.
create index ix_assessments_client on assessments (tenant_id, client_ref, created_at);
