-- Lawful contact (io.creditflow.contact): the contact history of every loan. Every decision of the contact policy
-- (allowed or refused, with its reason and the next allowed instant), every call attempt or field visit that happened,
-- holds (several sources per loan) and the customer's cease-contact requests.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (ids VARCHAR(36) UUIDs assigned in Java,
-- instants DATETIME(6) in UTC and whole seconds, BOOLEAN = TINYINT(1) on MariaDB). No phone numbers or addresses:
-- a dialled number is a reference such as "mobile".

-- The customer's own time zone for quiet hours (IANA id, e.g. Europe/London); NULL = creditflow.contact.default-time-zone.
ALTER TABLE cf_customer ADD time_zone VARCHAR(64);

CREATE TABLE cf_contact_decision (
    id               VARCHAR(36)   NOT NULL,
    loan_number      VARCHAR(14)   NOT NULL,
    customer_id      VARCHAR(36)   NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    party            VARCHAR(16)   NOT NULL,
    purpose          VARCHAR(128)  NOT NULL,
    category         VARCHAR(16)   NOT NULL,
    capped           BOOLEAN       NOT NULL,
    contact_at       DATETIME(6)   NOT NULL,
    allowed          BOOLEAN       NOT NULL,
    reason           VARCHAR(32)   NOT NULL,
    not_before       DATETIME(6),
    notification_id  VARCHAR(36),
    phone_ref        VARCHAR(32),
    jurisdiction     VARCHAR(32)   NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_cf_contact_decision PRIMARY KEY (id)
);
-- the loan's history, newest first
CREATE INDEX ix_cf_contact_decision_loan ON cf_contact_decision (loan_number, contact_at);
-- the daily SMS / e-mail caps per customer
CREATE INDEX ix_cf_contact_decision_customer ON cf_contact_decision (customer_id, channel, contact_at);
CREATE INDEX ix_cf_contact_decision_notification ON cf_contact_decision (notification_id);

CREATE TABLE cf_contact_call (
    id               VARCHAR(36)   NOT NULL,
    loan_number      VARCHAR(14)   NOT NULL,
    decision_id      VARCHAR(36)   NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    outcome          VARCHAR(32)   NOT NULL,
    conversation     BOOLEAN       NOT NULL,
    phone_ref        VARCHAR(32)   NOT NULL,
    actor            VARCHAR(64)   NOT NULL,
    called_at        DATETIME(6)   NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_cf_contact_call PRIMARY KEY (id),
    -- one attempt per allowed decision: a repeated recordCall is recognised, not counted twice
    CONSTRAINT uq_cf_contact_call_decision UNIQUE (decision_id)
);
CREATE INDEX ix_cf_contact_call_loan ON cf_contact_call (loan_number, called_at);

CREATE TABLE cf_contact_hold (
    id               VARCHAR(36)   NOT NULL,
    loan_number      VARCHAR(14)   NOT NULL,
    source           VARCHAR(128)  NOT NULL,
    reason           VARCHAR(500),
    held_at          DATETIME(6)   NOT NULL,
    released_at      DATETIME(6),
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_cf_contact_hold PRIMARY KEY (id)
);
CREATE INDEX ix_cf_contact_hold_loan ON cf_contact_hold (loan_number, source, released_at);

CREATE TABLE cf_cease_contact_request (
    id                 VARCHAR(36)   NOT NULL,
    loan_number        VARCHAR(14)   NOT NULL,
    request_reference  VARCHAR(64)   NOT NULL,
    note               VARCHAR(500),
    requested_by       VARCHAR(64)   NOT NULL,
    requested_at       DATETIME(6)   NOT NULL,
    withdrawn_by       VARCHAR(64),
    withdrawn_at       DATETIME(6),
    version            BIGINT        NOT NULL,
    CONSTRAINT pk_cf_cease_contact_request PRIMARY KEY (id),
    CONSTRAINT uq_cf_cease_contact_request_ref UNIQUE (request_reference)
);
CREATE INDEX ix_cf_cease_contact_request_loan ON cf_cease_contact_request (loan_number, withdrawn_at);
