-- Notification channels (SMS gateway, e-mail, letters, push) and the lawful-contact gate.
-- policy_reason: why a NotificationGate last deferred the notification (status DEFERRED, due again at not_before).
-- cancel_reason: why staff cancelled it (e.g. after it FAILED).
-- cf_letter: letters rendered for the print shop, one per LETTER notification (id = the notification id, so a
-- repeated send stores nothing twice). Holds the customer's name and the rendered text; no contact data.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (instants DATETIME(6) in UTC, whole seconds).
ALTER TABLE cf_notification ADD COLUMN policy_reason VARCHAR(64);
ALTER TABLE cf_notification ADD COLUMN cancel_reason VARCHAR(500);

CREATE TABLE cf_letter (
    id               VARCHAR(36)   NOT NULL,
    customer_id      VARCHAR(64)   NOT NULL,
    subject_type     VARCHAR(64)   NOT NULL,
    subject_id       VARCHAR(128)  NOT NULL,
    template_key     VARCHAR(128)  NOT NULL,
    language         VARCHAR(16)   NOT NULL,
    recipient_name   VARCHAR(200)  NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    printed_at       DATETIME(6),
    printed_by       VARCHAR(64),
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_cf_letter PRIMARY KEY (id)
);

CREATE INDEX ix_cf_letter_status ON cf_letter (status, created_at);
