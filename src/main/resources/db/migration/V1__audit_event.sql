-- Who did what, when: an append-only trail of administrative and business actions.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+.
CREATE TABLE cf_audit_event (
    id            VARCHAR(36)  NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    subject_type  VARCHAR(64)  NOT NULL,
    subject_id    VARCHAR(128) NOT NULL,
    detail        VARCHAR(1000),
    CONSTRAINT pk_cf_audit_event PRIMARY KEY (id)
);

CREATE INDEX ix_cf_audit_event_subject ON cf_audit_event (subject_type, subject_id, occurred_at);
CREATE INDEX ix_cf_audit_event_occurred ON cf_audit_event (occurred_at);
