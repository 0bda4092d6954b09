-- Each checkpoint keeps the right edge of the tree it signs (docs/adr/0024-checkpoints-extend-the-last-one.md):
-- the roots of the perfect subtrees of its entries, largest first, 32 bytes for each bit set in tree_size.
-- The next checkpoint extends it by the entries appended since. Null for checkpoints signed before; the
-- gateway then reads the whole log once. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
alter table audit_checkpoints add column frontier bytea;
