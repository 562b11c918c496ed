-- Schema version 2: customers, repair tickets, their numbers, photos and search.

CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    phone       TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL DEFAULT '',
    search_text TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
) STRICT;

-- The last number given out each year. Numbers are never reused, whatever happens later.
CREATE TABLE ticket_numbers (
    year     INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL CHECK (last_seq > 0)
) STRICT;

CREATE TABLE tickets (
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
    UNIQUE (year, seq)
) STRICT;

CREATE INDEX tickets_by_customer ON tickets (customer_id);
CREATE INDEX tickets_by_serial ON tickets (serial_key) WHERE serial_key <> '';
CREATE INDEX tickets_by_deadline ON tickets (next_deadline, id) WHERE next_deadline IS NOT NULL;

CREATE TABLE ticket_photos (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    sha256    TEXT    NOT NULL REFERENCES attachments (sha256),
    stage     TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, stage, sha256)
) STRICT;

-- Substring search over each ticket's folded text (rowid = tickets.id).
CREATE VIRTUAL TABLE ticket_search USING fts5 (haystack, tokenize = 'trigram');
