-- Schema version 14: the bench. Staff have a role; a ticket is given to a watchmaker (each
-- change in the ticket's history); the time spent on a ticket is kept entry by entry.
--
-- Staff from before roles serve at the counter, but the first still working, who set the
-- shop up, runs it: a shop is never left without a manager.

ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'counter'
    CHECK (role IN ('counter', 'watchmaker', 'manager'));
UPDATE staff SET role = 'manager' WHERE id = (SELECT MIN(id) FROM staff WHERE active = 1);
-- A manager's PIN, as its Argon2 hash (PHC string); never the PIN itself.
ALTER TABLE staff ADD COLUMN pin_hash TEXT;

-- Who a ticket is with now; its history is in the event log.
CREATE TABLE ticket_assignments (
    ticket_id   INTEGER PRIMARY KEY REFERENCES tickets (id),
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    assigned_at TEXT    NOT NULL
) STRICT;
CREATE INDEX ticket_assignments_by_staff ON ticket_assignments (staff_id);

-- Time spent on a ticket: minutes entered, or a clock started and stopped (running while
-- `minutes` is empty).
CREATE TABLE work_times (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    started_at TEXT    NOT NULL,
    minutes    INTEGER CHECK (minutes >= 0),
    note       TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX work_times_by_ticket ON work_times (ticket_id);
CREATE INDEX work_times_by_staff ON work_times (staff_id);
