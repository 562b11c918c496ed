-- Schema version 15: parts and stock, and signatures given on the screen.
--
-- The catalogue keeps what is on hand; the holds keep what each accepted repair has kept
-- back (reserved) or waits for (back-ordered). Each movement is in the event log, under
-- the part.

CREATE TABLE parts (
    id          INTEGER PRIMARY KEY,
    -- The part number as the catalogue compares it (the domain's `number_key`), one entry
    -- per number in each branch's drawers (a chain's head office holds every branch's).
    number      TEXT    NOT NULL,
    branch      TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    fits        TEXT    NOT NULL DEFAULT '',
    cost        INTEGER NOT NULL CHECK (cost >= 0),
    price       INTEGER NOT NULL CHECK (price >= 0),
    supplier    TEXT    NOT NULL DEFAULT '',
    location    TEXT    NOT NULL DEFAULT '',
    low_at      INTEGER NOT NULL DEFAULT 0 CHECK (low_at >= 0),
    on_hand     INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    search_text TEXT    NOT NULL DEFAULT '',
    added_at    TEXT    NOT NULL,
    UNIQUE (branch, number)
) STRICT;

-- One ticket's hold on one part: `seq` keeps the holds oldest first (deliveries go to the
-- oldest waiting).
CREATE TABLE part_holds (
    part_id      INTEGER NOT NULL REFERENCES parts (id),
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    seq          INTEGER NOT NULL,
    reserved     INTEGER NOT NULL CHECK (reserved >= 0),
    back_ordered INTEGER NOT NULL CHECK (back_ordered >= 0),
    PRIMARY KEY (part_id, ticket_id)
) STRICT;
CREATE INDEX part_holds_by_ticket ON part_holds (ticket_id);

-- A customer's signature on one document, as a PNG attachment. Never edited, never moved.
CREATE TABLE signatures (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    -- intake_receipt, quotation_acceptance (with the quotation's number), collection_receipt.
    document   TEXT    NOT NULL,
    reference  TEXT    NOT NULL DEFAULT '',
    signer     TEXT    NOT NULL,
    image      TEXT    NOT NULL REFERENCES attachments (sha256),
    signed_at  TEXT    NOT NULL,
    computer   TEXT    NOT NULL DEFAULT '',
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    UNIQUE (ticket_id, document, reference)
) STRICT;

CREATE TRIGGER signatures_are_never_edited BEFORE UPDATE ON signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature is never edited or moved to another document');
END;

CREATE TRIGGER signatures_are_never_deleted BEFORE DELETE ON signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature is never deleted: it stays with its document');
END;
