-- Ledger actions decided by processes (freeze, limit change, recall, restructure).
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (conventions in V3).

-- What a line has lent and not yet got back, kept apart from the available amount so that a limit lowered below it
-- leaves nothing available until enough is repaid. Before this migration no limit was ever lowered, so the drawn
-- amount is the limit minus what is available.
ALTER TABLE cf_credit_line ADD COLUMN drawn_amount DECIMAL(19,2) DEFAULT 0 NOT NULL;
UPDATE cf_credit_line SET drawn_amount = credit_limit - available_amount;

-- The free-text reason a process gave for a limit change (NULL for the opening entry).
ALTER TABLE cf_credit_limit_change ADD COLUMN note VARCHAR(200);

-- Every new schedule version a ledger action wrote (recall, restructuring), with who and why. One row a version:
-- a retried action finds its own row and changes nothing.
CREATE TABLE cf_schedule_change (
    id                  VARCHAR(36)   NOT NULL,
    loan_number         VARCHAR(14)   NOT NULL,
    schedule_version    INT           NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    effective_on        DATE          NOT NULL,
    months              INT,
    regular_instalment  DECIMAL(19,2),
    reason              VARCHAR(200)  NOT NULL,
    changed_by          VARCHAR(64)   NOT NULL,
    changed_at          DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cf_schedule_change PRIMARY KEY (id),
    CONSTRAINT uq_cf_schedule_change_version UNIQUE (loan_number, schedule_version),
    CONSTRAINT ck_cf_schedule_change_months CHECK (months IS NULL OR months >= 1)
);

ALTER TABLE cf_schedule_change ADD CONSTRAINT fk_cf_schedule_change_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);

-- Uses of loan funds reported by the payment network, as fundUsageClassification classified them. report_reference is
-- the network's id: its uniqueness makes a redelivery harmless. counterparty is free text (never logged).
CREATE TABLE cf_fund_usage_report (
    id                 VARCHAR(36)   NOT NULL,
    report_reference   VARCHAR(64)   NOT NULL,
    loan_number        VARCHAR(14)   NOT NULL,
    merchant_category  VARCHAR(32)   NOT NULL,
    counterparty       VARCHAR(100)  NOT NULL,
    amount             DECIMAL(19,2) NOT NULL,
    occurred_at        DATETIME(6)   NOT NULL,
    classification     VARCHAR(16)   NOT NULL,
    reason_code        VARCHAR(32)   NOT NULL,
    investigation_id   VARCHAR(64),
    received_by        VARCHAR(64)   NOT NULL,
    received_at        DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT pk_cf_fund_usage_report PRIMARY KEY (id),
    CONSTRAINT uq_cf_fund_usage_report_reference UNIQUE (report_reference),
    CONSTRAINT ck_cf_fund_usage_report_amount CHECK (amount > 0)
);

-- transfers of a loan in the last 7 days (classification input)
CREATE INDEX ix_cf_fund_usage_report_loan ON cf_fund_usage_report (loan_number, merchant_category, occurred_at);

ALTER TABLE cf_fund_usage_report ADD CONSTRAINT fk_cf_fund_usage_report_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);

-- Further loans drawn on a credit line. drawdown_reference is the caller's id: its uniqueness makes a repeat harmless.
-- drawn_on is the business date, for the daily and monthly caps.
CREATE TABLE cf_drawdown (
    id                  VARCHAR(36)   NOT NULL,
    drawdown_reference  VARCHAR(64)   NOT NULL,
    credit_line_id      VARCHAR(36)   NOT NULL,
    loan_number         VARCHAR(14)   NOT NULL,
    amount              DECIMAL(19,2) NOT NULL,
    term_months         INT           NOT NULL,
    purpose             VARCHAR(32)   NOT NULL,
    drawn_on            DATE          NOT NULL,
    requested_by        VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cf_drawdown PRIMARY KEY (id),
    CONSTRAINT uq_cf_drawdown_reference UNIQUE (drawdown_reference),
    CONSTRAINT uq_cf_drawdown_loan UNIQUE (loan_number),
    CONSTRAINT ck_cf_drawdown_amount CHECK (amount > 0)
);

-- the caps: drawdowns of a line by business date
CREATE INDEX ix_cf_drawdown_line ON cf_drawdown (credit_line_id, drawn_on);

ALTER TABLE cf_drawdown ADD CONSTRAINT fk_cf_drawdown_line
    FOREIGN KEY (credit_line_id) REFERENCES cf_credit_line (id);
ALTER TABLE cf_drawdown ADD CONSTRAINT fk_cf_drawdown_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);
