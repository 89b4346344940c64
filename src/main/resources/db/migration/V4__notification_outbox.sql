-- Notification outbox: processes write here in their own transaction; the dispatcher sends afterwards.
-- recipient_ref is the customer id, never an address; parameters are template values as JSON (no national id).
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+.
CREATE TABLE cf_notification (
    id               VARCHAR(36)   NOT NULL,
    idempotency_key  VARCHAR(200)  NOT NULL,
    type             VARCHAR(48)   NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    recipient_ref    VARCHAR(64)   NOT NULL,
    subject_type     VARCHAR(64)   NOT NULL,
    subject_id       VARCHAR(128)  NOT NULL,
    template_key     VARCHAR(128)  NOT NULL,
    parameters       VARCHAR(4000) NOT NULL,
    language         VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL,
    not_before       DATETIME(6)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6),
    last_error       VARCHAR(1000),
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_cf_notification PRIMARY KEY (id),
    CONSTRAINT uk_cf_notification_idempotency UNIQUE (idempotency_key)
);

CREATE INDEX ix_cf_notification_due ON cf_notification (status, not_before);
CREATE INDEX ix_cf_notification_subject ON cf_notification (subject_type, subject_id, created_at);
