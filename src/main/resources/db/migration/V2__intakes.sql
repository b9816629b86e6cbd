-- Intake conversations (the chatbot's screening questions). Runs unchanged on H2 2.x and PostgreSQL: no vendor
-- types, no vendor defaults. answers, skipped and warnings are JSON text: the questionnaire is data.
create table intakes (
    id            varchar(36)  not null,
    -- as for assessments: every row belongs to the "default" tenant until authentication arrives
    tenant_id     varchar(64)  not null,
    client_ref    varchar(64),
    status        varchar(16)  not null,
    -- JSON object questionId -> normalised answer, in questionnaire order
    answers       text         not null,
    -- JSON array of the optional question ids the client chose to skip
    skipped       text         not null,
    -- JSON array of the engine's warnings (the stop warning once referred)
    warnings      text         not null,
    -- the assessment made from this conversation, once assessed
    assessment_id varchar(36),
    created_at    timestamp with time zone not null,
    -- the last answer; idle time counts from here
    updated_at    timestamp with time zone not null,
    constraint pk_intakes primary key (id),
    constraint ck_intakes_status check (status in ('in-progress', 'referred', 'complete', 'assessed', 'expired')),
    constraint fk_intakes_assessment foreign key (assessment_id) references assessments (id)
);

create index ix_intakes_client on intakes (tenant_id, client_ref);

-- What changed after the fact: an answer changed, or dropped because a change made its question irrelevant.
create table intake_events (
    id          varchar(36)  not null,
    intake_id   varchar(36)  not null,
    seq         integer      not null,
    occurred_at timestamp with time zone not null,
    -- changed | dropped
    event_type  varchar(16)  not null,
    question_id varchar(200) not null,
    -- JSON values before and after (after is null when dropped)
    from_value  text,
    to_value    text,
    -- why an answer was dropped, e.g. "is not asked unless neckPain = true"
    detail      varchar(1000),
    constraint pk_intake_events primary key (id),
    constraint fk_intake_events_intake foreign key (intake_id) references intakes (id) on delete cascade,
    constraint uq_intake_events_seq unique (intake_id, seq)
);
