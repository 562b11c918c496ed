-- Schema version 12: the watch as a record of its own.
--
-- A watch is known by its brand and serial, folded as staff type them (`brand_key`,
-- `serial_key`, made by the domain's `WatchIdentity`); a watch without a serial has no
-- identity and is never found again by one. Within a branch of a chain one record per
-- identity; a chain with a server per branch may hold one record per branch at head
-- office, each branch's own.
--
-- Tickets booked before this version get their watch records when the shop is first
-- opened by this version (`Shop::link_tickets_to_watches`: the folding is the domain's, in
-- Rust), so `tickets.watch_id` is empty until then.

CREATE TABLE watches (
    id           INTEGER PRIMARY KEY,
    brand_key    TEXT    NOT NULL,
    serial_key   TEXT    NOT NULL,
    details_json TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    branch       TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE UNIQUE INDEX watches_by_identity ON watches (branch, brand_key, serial_key) WHERE serial_key <> '';
CREATE INDEX watches_by_serial ON watches (serial_key) WHERE serial_key <> '';

-- Who owned the watch from when; the present owner has no end.
CREATE TABLE watch_owners (
    watch_id    INTEGER NOT NULL REFERENCES watches (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    from_on     TEXT    NOT NULL,
    until_on    TEXT,
    PRIMARY KEY (watch_id, from_on)
) STRICT;

ALTER TABLE tickets ADD COLUMN watch_id INTEGER REFERENCES watches (id);
CREATE INDEX tickets_by_watch ON tickets (watch_id) WHERE watch_id IS NOT NULL;
-- The tickets still to link, found at each opening without reading every ticket (empty
-- once they are linked).
CREATE INDEX tickets_without_watch ON tickets (id) WHERE watch_id IS NULL;

-- The bench's readings of a ticket's watch, before and after the work: taken again, they
-- replace the ones of their stage (each time logged in the ticket's history).
CREATE TABLE readings (
    ticket_id     INTEGER NOT NULL REFERENCES tickets (id),
    stage         TEXT    NOT NULL,
    readings_json TEXT    NOT NULL,
    taken_at      TEXT    NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff (id),
    PRIMARY KEY (ticket_id, stage)
) STRICT;

-- The shop's own warranty a completed repair carries.
CREATE TABLE service_warranties (
    ticket_id     INTEGER PRIMARY KEY REFERENCES tickets (id),
    warranty_json TEXT    NOT NULL,
    ends_on       TEXT    NOT NULL
) STRICT;
