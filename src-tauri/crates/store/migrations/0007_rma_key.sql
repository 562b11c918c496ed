-- Schema version 7: the shop's secret that keys its RMA codes (`RmaKey` in the domain), so
-- that codes differ from shop to shop and none can be worked out from others. One row,
-- written when the shop is set up and never changed or removed (the triggers refuse it):
-- new codes under another key could collide with the codes already issued. It moves with
-- the database in backups and restores; it is never shown, logged or exported.
--
-- A shop set up before this version gets its key in this migration's transaction, from the
-- operating system's secure generator: Rust code run right after this file (`db.rs`), not
-- SQLite's randomblob(), whose generator is seeded from the clock and process id on Windows.
-- Its codes already issued came from version 6's fixed permutation: they stay valid, and
-- `tables::rma_codes::insert` passes over any sequence number whose new code one of them holds.

CREATE TABLE shop_secrets (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    rma_key BLOB    NOT NULL CHECK (length(rma_key) = 32)
) STRICT;

CREATE TRIGGER shop_secrets_are_never_changed BEFORE UPDATE ON shop_secrets
BEGIN SELECT RAISE(ABORT, 'the shop''s RMA key is never changed: codes under a new one could repeat old ones'); END;
CREATE TRIGGER shop_secrets_are_never_deleted BEFORE DELETE ON shop_secrets
BEGIN SELECT RAISE(ABORT, 'the shop''s RMA key is never changed: codes under a new one could repeat old ones'); END;
