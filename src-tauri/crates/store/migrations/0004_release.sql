-- Schema version 4: completion of the repair, Collection Notices, payments, shipping and
-- the release of the watch. Notices, payments and releases are evidence: never edited.

CREATE TABLE completions (
    ticket_id       INTEGER PRIMARY KEY REFERENCES tickets (id),
    completion_json TEXT    NOT NULL,
    completed_at    TEXT    NOT NULL,
    staff_id        INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TABLE collection_notices (
    ticket_id   INTEGER PRIMARY KEY REFERENCES tickets (id),
    issued_on   TEXT    NOT NULL,
    fees_from   TEXT    NOT NULL,
    notice_json TEXT    NOT NULL,
    issued_at   TEXT    NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('payment', 'refund')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    currency    TEXT    NOT NULL,
    method      TEXT    NOT NULL,
    reference   TEXT    NOT NULL,
    paid_on     TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX payments_by_ticket ON payments (ticket_id, id);

-- How the watch will travel; may change until it is dispatched (each change is logged).
CREATE TABLE shipments (
    ticket_id     INTEGER PRIMARY KEY REFERENCES tickets (id),
    shipping_json TEXT    NOT NULL,
    chosen_at     TEXT    NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TABLE releases (
    ticket_id    INTEGER PRIMARY KEY REFERENCES tickets (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('collected', 'dispatched')),
    release_json TEXT    NOT NULL,
    released_on  TEXT    NOT NULL,
    released_at  TEXT    NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TRIGGER collection_notices_are_never_edited BEFORE UPDATE ON collection_notices
BEGIN SELECT RAISE(ABORT, 'a Collection Notice is never edited'); END;
CREATE TRIGGER collection_notices_are_never_deleted BEFORE DELETE ON collection_notices
BEGIN SELECT RAISE(ABORT, 'a Collection Notice is never deleted'); END;
CREATE TRIGGER payments_are_never_edited BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'a payment is never edited: record a refund instead'); END;
CREATE TRIGGER payments_are_never_deleted BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a payment is never deleted: record a refund instead'); END;
CREATE TRIGGER releases_are_never_edited BEFORE UPDATE ON releases
BEGIN SELECT RAISE(ABORT, 'a release is never edited'); END;
CREATE TRIGGER releases_are_never_deleted BEFORE DELETE ON releases
BEGIN SELECT RAISE(ABORT, 'a release is never deleted'); END;
