-- Deliveries: one per accepted exchange, holding the envelope sealed for the recipient once (every
-- attempt sends these same bytes, under the same message id) and where the delivery stands. Runs
-- unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table deliveries (
    exchange_id      varchar(64)              primary key references exchanges (exchange_id),
    recipient        varchar(32)              not null,
    message_id       varchar(128)             not null,
    -- Empty when the exchange could not be prepared; replay prepares it again.
    envelope         bytea                    not null,
    envelope_sha256  char(64)                 not null,
    format           varchar(16)              not null,
    stripped         varchar(1024)            not null,
    status           varchar(16)              not null,
    attempts         integer                  not null,
    budget_since     timestamp with time zone not null,
    last_error       varchar(128),
    partner_receipt  bytea,
    updated_at       timestamp with time zone not null
);

create index deliveries_status on deliveries (status, updated_at);

-- Every attempt, for operators: outcome and status code or error class, never payload.
create table delivery_attempts (
    exchange_id  varchar(64)              not null references deliveries (exchange_id),
    attempt      integer                  not null,
    at           timestamp with time zone not null,
    outcome      varchar(64)              not null,
    http_status  integer,
    error        varchar(128),
    primary key (exchange_id, attempt)
);
