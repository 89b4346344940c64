-- Payments and the daily close of business on top of the V3 ledger.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (conventions as in V3: money DECIMAL(19,2),
-- business dates DATE, instants DATETIME(6) in UTC and whole seconds, ids VARCHAR(36) UUIDs assigned in Java).

-- The close of business: the last business date closed for the loan (NULL before the first close; closes run in date
-- order and a date not after this one is already closed), and every penalty ever accrued on the loan (paid or not),
-- which the penalty cap is measured against.
ALTER TABLE cf_loan ADD COLUMN last_closed_on DATE;
ALTER TABLE cf_loan ADD COLUMN penalty_accrued DECIMAL(19,2) DEFAULT 0 NOT NULL;

-- Late-payment penalty accrued on one schedule line (penalty_paid, from V3, is what was paid of it).
ALTER TABLE cf_instalment ADD COLUMN penalty_accrued DECIMAL(19,2) DEFAULT 0 NOT NULL;

-- pre-due reminders: unpaid lines falling due on a date, keyset-paged by loan number
CREATE INDEX ix_cf_instalment_due_loan ON cf_instalment (due_date, loan_number);

-- A payment received for a loan. payment_reference is the payer's (gateway's, bank's) unique reference: its
-- uniqueness is what stops a second booking of the same money. The allocation totals and the loan's state after the
-- payment are stored so that a repeated request answers exactly what the first one did.
-- correlation_status tracks the PaymentReceived message to waiting processes: PENDING until tried after commit,
-- DELIVERED, NOT_WAITED (no process waited) or FAILED (to be redelivered by the close of business).
CREATE TABLE cf_payment (
    id                       VARCHAR(36)   NOT NULL,
    payment_reference        VARCHAR(64)   NOT NULL,
    loan_number              VARCHAR(14)   NOT NULL,
    currency                 CHAR(3)       NOT NULL,
    amount                   DECIMAL(19,2) NOT NULL,
    value_date               DATE          NOT NULL,
    channel                  VARCHAR(16)   NOT NULL,
    received_at              DATETIME(6)   NOT NULL,
    received_by              VARCHAR(64)   NOT NULL,
    penalty_paid             DECIMAL(19,2) NOT NULL,
    interest_paid            DECIMAL(19,2) NOT NULL,
    principal_paid           DECIMAL(19,2) NOT NULL,
    prepaid_principal        DECIMAL(19,2) NOT NULL,
    balance_after            DECIMAL(19,2) NOT NULL,
    principal_after          DECIMAL(19,2) NOT NULL,
    days_past_due_after      INT           NOT NULL,
    loan_status_after        VARCHAR(16)   NOT NULL,
    schedule_version_after   INT           NOT NULL,
    correlation_status       VARCHAR(16)   NOT NULL,
    correlation_attempts     INT           NOT NULL,
    correlated_instances     INT           NOT NULL,
    correlation_error        VARCHAR(500),
    correlated_at            DATETIME(6),
    version                  BIGINT        NOT NULL,
    CONSTRAINT pk_cf_payment PRIMARY KEY (id),
    CONSTRAINT uq_cf_payment_reference UNIQUE (payment_reference),
    CONSTRAINT ck_cf_payment_amount CHECK (amount > 0),
    CONSTRAINT ck_cf_payment_allocation CHECK (penalty_paid >= 0 AND interest_paid >= 0 AND principal_paid >= 0
                                               AND prepaid_principal >= 0
                                               AND penalty_paid + interest_paid + principal_paid + prepaid_principal
                                                   = amount)
);

-- a loan's payments, oldest first
CREATE INDEX ix_cf_payment_loan ON cf_payment (loan_number, received_at);
-- the close of business: correlations to redeliver
CREATE INDEX ix_cf_payment_correlation ON cf_payment (correlation_status, received_at);

-- What one payment paid of one schedule line. Append-only.
CREATE TABLE cf_payment_allocation (
    id                VARCHAR(36)   NOT NULL,
    payment_id        VARCHAR(36)   NOT NULL,
    instalment_id     VARCHAR(36)   NOT NULL,
    schedule_version  INT           NOT NULL,
    sequence_number   INT           NOT NULL,
    due_date          DATE          NOT NULL,
    penalty           DECIMAL(19,2) NOT NULL,
    interest          DECIMAL(19,2) NOT NULL,
    principal         DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_cf_payment_allocation PRIMARY KEY (id),
    CONSTRAINT ck_cf_payment_allocation_amounts CHECK (penalty >= 0 AND interest >= 0 AND principal >= 0)
);

CREATE INDEX ix_cf_payment_allocation_payment ON cf_payment_allocation (payment_id, sequence_number);
CREATE INDEX ix_cf_payment_allocation_instalment ON cf_payment_allocation (instalment_id);

ALTER TABLE cf_payment ADD CONSTRAINT fk_cf_payment_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);
ALTER TABLE cf_payment_allocation ADD CONSTRAINT fk_cf_payment_allocation_payment
    FOREIGN KEY (payment_id) REFERENCES cf_payment (id);
ALTER TABLE cf_payment_allocation ADD CONSTRAINT fk_cf_payment_allocation_instalment
    FOREIGN KEY (instalment_id) REFERENCES cf_instalment (id);
