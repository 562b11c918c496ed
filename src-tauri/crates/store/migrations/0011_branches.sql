-- Schema version 11: the branches of a chain.
--
-- Every ticket, return and customer says which branch it belongs to ('' for none: a shop
-- with one counter, and everything booked before the shop became a chain). Each branch
-- numbers its own tickets (`R-KLN-2026-00042`), so the numbers taken are kept per branch
-- and year, and a ticket's year and place in it are unique within its branch.
--
-- `id_block` says which block of ids this database hands out: 0 for a shop's own database;
-- N for the server of a chain's branch that replicates to head office, so that its records'
-- ids never meet another branch's there (`store::chain`). SQLite is never such a server;
-- the table is here so that both engines have the same schema.
--
-- SQLite cannot change a table's keys in place, so `ticket_numbers` and `tickets` are made
-- again and their rows copied, with foreign keys checked once the copy is done (`db.rs`
-- runs the migrations with foreign keys off and this one with its check).

ALTER TABLE customers ADD COLUMN branch TEXT NOT NULL DEFAULT '';
ALTER TABLE return_cases ADD COLUMN branch TEXT NOT NULL DEFAULT '';

CREATE TABLE ticket_numbers_by_branch (
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq > 0),
    branch   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (branch, year)
) STRICT;
INSERT INTO ticket_numbers_by_branch (year, last_seq, branch) SELECT year, last_seq, '' FROM ticket_numbers;
DROP TABLE ticket_numbers;
ALTER TABLE ticket_numbers_by_branch RENAME TO ticket_numbers;

CREATE TABLE tickets_by_branch (
    id             INTEGER PRIMARY KEY,
    number         TEXT    NOT NULL UNIQUE,
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    state          TEXT    NOT NULL,
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    serial_key     TEXT    NOT NULL,
    device_label   TEXT    NOT NULL,
    details_json   TEXT    NOT NULL,
    warranty_json  TEXT    NOT NULL,
    received_at    TEXT    NOT NULL,
    received_on    TEXT    NOT NULL,
    assessment_due TEXT    NOT NULL,
    -- The next date something is due on this ticket (the domain decides which); NULL if none.
    next_deadline  TEXT,
    branch         TEXT    NOT NULL DEFAULT '',
    -- The branch last: a list of one branch (`branch = ?`) must not take this key for its way
    -- in, which would read every ticket of the branch rather than the deadline's index.
    UNIQUE (year, seq, branch)
) STRICT;
INSERT INTO tickets_by_branch
    (id, number, year, seq, state, customer_id, serial_key, device_label, details_json, warranty_json,
     received_at, received_on, assessment_due, next_deadline, branch)
SELECT id, number, year, seq, state, customer_id, serial_key, device_label, details_json, warranty_json,
       received_at, received_on, assessment_due, next_deadline, ''
FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_by_branch RENAME TO tickets;

-- The indexes of versions 2 and 10, which went with the old table.
CREATE INDEX tickets_by_customer ON tickets (customer_id);
CREATE INDEX tickets_by_serial ON tickets (serial_key) WHERE serial_key <> '';
CREATE INDEX tickets_by_deadline ON tickets (next_deadline, id) WHERE next_deadline IS NOT NULL;
CREATE INDEX tickets_open_by_state ON tickets (state)
    WHERE state NOT IN ('cancelled', 'collected', 'returned_unrepaired', 'shipped');

CREATE TABLE id_block (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    number INTEGER NOT NULL CHECK (number BETWEEN 0 AND 99)
) STRICT;
