-- Schema version 1: the shop itself. Settings, staff, attachments and the event log.

CREATE TABLE shop_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    settings_json TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
) STRICT;

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT    NOT NULL
) STRICT;

CREATE TABLE attachments (
    sha256        TEXT    PRIMARY KEY,
    media_type    TEXT    NOT NULL,
    byte_size     INTEGER NOT NULL CHECK (byte_size >= 0),
    original_name TEXT    NOT NULL,
    added_at      TEXT    NOT NULL
) STRICT;

-- Who did what, when. Never updated, never deleted (the triggers refuse it).
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    staff_id    INTEGER REFERENCES staff (id),
    subject     TEXT    NOT NULL,
    subject_id  TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    detail_json TEXT    NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX events_by_subject ON events (subject, subject_id, id);

CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
