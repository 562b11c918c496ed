-- Schema version 7 on PostgreSQL (../0007_rma_key.sql on SQLite): the shop's secret that
-- keys its RMA codes (`RmaKey` in the domain). One row, written when the shop is set up and
-- never changed or removed (the triggers refuse it): new codes under another key could
-- collide with the codes already issued. It is never shown, logged or exported.
--
-- On SQLite a Rust hook (`db.rs`) keys a shop set up before this version. A PostgreSQL
-- database is always created at the latest version (by a data move, which brings the key
-- with it, or by a new shop's set-up, which writes it), so here there is only the table.

CREATE TABLE shop_secrets (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    rma_key BYTEA  NOT NULL CHECK (length(rma_key) = 32)
);

CREATE TRIGGER shop_secrets_are_never_changed BEFORE UPDATE ON shop_secrets
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('the shop''s RMA key is never changed: codes under a new one could repeat old ones');
CREATE TRIGGER shop_secrets_are_never_deleted BEFORE DELETE ON shop_secrets
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('the shop''s RMA key is never changed: codes under a new one could repeat old ones');
CREATE TRIGGER shop_secrets_are_never_truncated BEFORE TRUNCATE ON shop_secrets
FOR EACH STATEMENT EXECUTE FUNCTION caseback_refuse('the shop''s RMA key is never changed: codes under a new one could repeat old ones');
