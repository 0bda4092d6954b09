-- The verifiable audit log (docs/audit-log.md). Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
--
-- audit_events stays the one table of entries, now with what the Merkle tree needs:
--   entry_index  the entry's position in the log, 0, 1, 2, ... without a gap: its leaf index. seq stays
--                an internal row id, which an identity column may leave gaps in.
--   leaf_hash    hex SHA-256(0x00 || entry encoding), computed when the entry was appended. Null only for
--                entries written before this migration.
--   details      the event's details as a JSON object of strings.
alter table audit_events add column entry_index bigint;
alter table audit_events add column leaf_hash char(64);
alter table audit_events add column details varchar(16000);

update audit_events
   set entry_index = (select count(*) from audit_events earlier where earlier.seq < audit_events.seq);

alter table audit_events alter column entry_index set not null;
alter table audit_events add constraint audit_events_entry_index_unique unique (entry_index);

-- Signed checkpoints: the CMS SignedData over the checkpoint text, and its fields for lookup.
create table audit_checkpoints (
    id          bigint generated always as identity primary key,
    origin      varchar(255)             not null,
    tree_size   bigint                   not null,
    root_hash   char(64)                 not null,
    signed_at   timestamp with time zone not null,
    signed      bytea                    not null
);

create index audit_checkpoints_tree_size on audit_checkpoints (tree_size);

-- Envelopes are archived for the retention period, then purged: the bytes go, the digest stays (in
-- exchanges.envelope_sha256 and in the log).
alter table exchanges alter column envelope drop not null;
alter table exchanges add column envelope_purged_at timestamp with time zone;
