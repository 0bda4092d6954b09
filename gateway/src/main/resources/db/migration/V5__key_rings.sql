-- Key rings: the gateway's own keys and the partners' certificates, each in its life-cycle state.
-- Private keys are never here: they are in the PKCS#12 key store file or the PKCS#11 token, under the
-- entry's id as alias. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- One row per ring. version counts the ring's changes: a change is written only if the version it was
-- made from is still the stored one (optimistic locking), so two officers on two nodes cannot both win.
-- Every node polls the sum of the versions and reloads the rings when it moves.
create table key_rings (
    owner           varchar(32)              not null,
    purpose         varchar(32)              not null,
    version         bigint                   not null,
    primary key (owner, purpose)
);

create table key_ring_entries (
    id                     varchar(64)              primary key,
    owner                  varchar(32)              not null,
    purpose                varchar(32)              not null,
    position               integer                  not null,
    suite                  varchar(16)              not null,
    state                  varchar(16)              not null,
    public_key_sha256      char(64)                 not null,
    certificate            text,
    csr                    text,
    since                  timestamp with time zone not null,
    grace_until            timestamp with time zone,
    promotion_requested_by varchar(128),
    foreign key (owner, purpose) references key_rings (owner, purpose)
);

create index key_ring_entries_ring on key_ring_entries (owner, purpose);
