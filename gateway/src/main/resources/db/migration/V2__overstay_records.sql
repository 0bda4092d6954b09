-- What the overstay answers need of the pilgrim lists and movements that passed through the gateway, and
-- nothing more (docs/overstay.md): no dates of birth, identity numbers, zones, visas, native-script names
-- or border posts. Purged a configured time after the group's departure (pouch.overstay.retention).
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- One row per accepted pilgrim list. A later list with the same (home, host, group_reference) is a
-- corrected one: the latest accepted is the group's current list.
create table overstay_lists (
    list_id         varchar(64)              primary key,  -- the exchange id that carried it
    seq             bigint generated always as identity,   -- breaks a tie of accepted_at
    home            varchar(32)              not null,     -- who sent the list
    host            varchar(32)              not null,     -- who it went to
    message_id      varchar(128)             not null,
    group_reference varchar(200)             not null,
    arrival         date                     not null,
    departure       date                     not null,
    permitted_until date                     not null,     -- arrival + permitted days
    accepted_at     timestamp with time zone not null,
    constraint overstay_lists_home_message_id_unique unique (home, message_id)
);

create index overstay_lists_group on overstay_lists (home, host, group_reference);

-- The pilgrims of a list: passport and Latin names only.
create table overstay_pilgrims (
    list_id         varchar(64)  not null references overstay_lists (list_id),
    list_position   integer      not null,
    passport_number varchar(9)   not null,
    nationality     varchar(3)   not null,
    surname         varchar(200) not null,
    given_names     varchar(200) not null,
    primary key (list_id, list_position)
);

-- Accepted movements, by the group they answer; the host's movement id makes recording idempotent.
create table overstay_movements (
    home            varchar(32)              not null,
    host            varchar(32)              not null,
    group_reference varchar(200)             not null,
    movement_id     varchar(64)              not null,
    passport_number varchar(9)               not null,
    nationality     varchar(3)               not null,
    direction       varchar(5)               not null,
    occurred_at     timestamp with time zone not null,
    local_date      date                     not null,     -- the date at the border post
    primary key (home, host, group_reference, movement_id)
);
