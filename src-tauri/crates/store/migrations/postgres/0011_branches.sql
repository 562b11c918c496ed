-- Schema version 11 on PostgreSQL (../0011_branches.sql on SQLite): the branches of a
-- chain. Every ticket, return and customer says which branch it belongs to ('' for none);
-- ticket numbers are kept per branch and year.

ALTER TABLE customers ADD COLUMN branch TEXT NOT NULL DEFAULT '';
ALTER TABLE return_cases ADD COLUMN branch TEXT NOT NULL DEFAULT '';

ALTER TABLE ticket_numbers ADD COLUMN branch TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_numbers DROP CONSTRAINT ticket_numbers_pkey;
ALTER TABLE ticket_numbers ADD PRIMARY KEY (branch, year);

ALTER TABLE tickets ADD COLUMN branch TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets DROP CONSTRAINT tickets_year_seq_key;
ALTER TABLE tickets ADD UNIQUE (year, seq, branch);

-- Which block of ids this database hands out (`store::chain`): 0, or a chain's branch
-- server's number, set once before its first record.
CREATE TABLE id_block (
    id     BIGINT PRIMARY KEY CHECK (id = 1),
    number BIGINT NOT NULL CHECK (number BETWEEN 0 AND 99)
);

-- At head office, each branch's server replicates its records in (PostgreSQL's logical
-- replication). Two triggers fire only then (ENABLE REPLICA), never for a change made here:

-- An attachment is kept by its content's hash, so the same logo or leaflet sent from two
-- branches is one row; the second copy is passed over rather than stopping replication.
CREATE FUNCTION caseback_already_here() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    here BOOLEAN;
BEGIN
    -- Named with its schema: replication runs with an empty search_path.
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE sha256 = $1)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        INTO here USING NEW.sha256;
    IF here THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER attachments_already_here BEFORE INSERT ON attachments
FOR EACH ROW EXECUTE FUNCTION caseback_already_here();
ALTER TABLE attachments ENABLE REPLICA TRIGGER attachments_already_here;
CREATE TRIGGER attachment_bytes_already_here BEFORE INSERT ON attachment_bytes
FOR EACH ROW EXECUTE FUNCTION caseback_already_here();
ALTER TABLE attachment_bytes ENABLE REPLICA TRIGGER attachment_bytes_already_here;

-- A branch's change arrives as its event: head office's open screens are told, as they are
-- of a change made by one of head office's own computers (`tables::events::announce`).
CREATE FUNCTION caseback_announce_replicated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('caseback_changes', 'replication ' || NEW.subject || ':' || NEW.subject_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER events_announced_at_head_office AFTER INSERT ON events
FOR EACH ROW EXECUTE FUNCTION caseback_announce_replicated();
ALTER TABLE events ENABLE REPLICA TRIGGER events_announced_at_head_office;
