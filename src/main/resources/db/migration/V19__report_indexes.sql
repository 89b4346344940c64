-- Indexes for GET /api/reports/collections: cases by end time, contact decisions by time.
-- Portable SQL: runs unchanged on H2 and MariaDB 10.6+.
CREATE INDEX ix_cf_collection_case_ended ON cf_collection_case (ended_at);
CREATE INDEX ix_cf_contact_decision_time ON cf_contact_decision (contact_at);
