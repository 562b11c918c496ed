-- Schema version 13: a return request names the watch's serial, so the return shows on
-- that watch's page.
--
-- `serial_key` is the request's serial folded as the domain folds serials; `watch_id` is the
-- one watch record with that serial, set when the request is recorded or corrected, or
-- later, when the watch is first booked in for a repair. Returns recorded before this
-- version asked no serial, so they have none.

ALTER TABLE return_cases ADD COLUMN serial_key TEXT NOT NULL DEFAULT '';
ALTER TABLE return_cases ADD COLUMN watch_id BIGINT REFERENCES watches (id);
CREATE INDEX return_cases_by_watch ON return_cases (watch_id) WHERE watch_id IS NOT NULL;
-- The returns still waiting for their watch's record.
CREATE INDEX return_cases_without_watch ON return_cases (serial_key) WHERE serial_key <> '' AND watch_id IS NULL;
