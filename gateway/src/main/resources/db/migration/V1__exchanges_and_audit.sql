-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (which reads bytea as BINARY VARYING).
-- Times are timestamp with time zone and always written in UTC.

-- Every exchange the gateway accepted. The unique (sender, message_id) pair is the gateway's memory of
-- message ids: a sender's message id is accepted once, ever.
create table exchanges (
    exchange_id     varchar(64)              primary key,
    message_id      varchar(128)             not null,
    sender          varchar(32)              not null,
    recipient       varchar(32)              not null,
    message_type    varchar(64)              not null,
    envelope_sha256 char(64)                 not null,
    accepted_at     timestamp with time zone not null,
    envelope        bytea                    not null,
    receipt         bytea                    not null,
    status          varchar(32)              not null default 'ACCEPTED',
    constraint exchanges_sender_message_id_unique unique (sender, message_id)
);

-- The audit events, in the order they were appended. Identities and digests only, never payload.
create table audit_events (
    seq             bigint generated always as identity primary key,
    at              timestamp with time zone not null,
    type            varchar(32)              not null,
    step            varchar(64)              not null,
    actor           varchar(128)             not null,
    exchange_id     varchar(64),
    message_id      varchar(128),
    sender          varchar(32),
    recipient       varchar(32),
    message_type    varchar(64),
    envelope_sha256 char(64),
    reason          varchar(64),
    incident_id     varchar(64)
);

create index audit_events_exchange_id on audit_events (exchange_id);
create index audit_events_incident_id on audit_events (incident_id);
