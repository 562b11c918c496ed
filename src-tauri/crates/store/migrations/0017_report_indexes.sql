-- Schema version 17 on SQLite (postgres/0017_report_indexes.sql on PostgreSQL): indexes for the Reports screen, whose
-- every query is bounded by the period's dates, and for the day's bag tags (tickets booked
-- in on a day). Without them each report reads its tables whole.

CREATE INDEX releases_by_day ON releases (released_on);
CREATE INDEX payments_by_day ON payments (paid_on);
CREATE INDEX quotation_answers_by_time ON quotation_answers (answered_at);
CREATE INDEX quotations_by_valid_through ON quotations (valid_through);
CREATE INDEX completions_by_time ON completions (completed_at);
CREATE INDEX return_cases_by_opening ON return_cases (created_at);
CREATE INDEX tickets_by_received_on ON tickets (received_on);
