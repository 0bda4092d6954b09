-- The envelope sealed for a recipient moves out of the deliveries row into chunks of its own, written
-- and read one at a time: a list of 200,000 pilgrims seals to an envelope of about 50 MB, which neither
-- PostgreSQL's driver (it reads a bytea whole) nor H2 (it holds a row's binary value whole, and writes it
-- again on every update of the row) would stream from one column. Every attempt updates the deliveries
-- row; it no longer carries the envelope. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table delivery_envelope_chunks (
    exchange_id  varchar(64) not null references deliveries (exchange_id),
    chunk        integer     not null,
    bytes        bytea       not null,
    primary key (exchange_id, chunk)
);

-- Envelopes sealed before this version become one chunk each; new ones are cut at 1 MiB.
insert into delivery_envelope_chunks (exchange_id, chunk, bytes)
    select exchange_id, 0, envelope from deliveries where octet_length(envelope) > 0;

-- 0 when the delivery could not be prepared: a placeholder, which a replay prepares again.
alter table deliveries add column envelope_size bigint default 0 not null;
update deliveries set envelope_size = octet_length(envelope);
alter table deliveries drop column envelope;
