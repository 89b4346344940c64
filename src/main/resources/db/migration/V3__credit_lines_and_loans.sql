-- The ledger's first slice: credit lines with their limit history, loans, versioned repayment schedules and
-- disbursements. Later migrations add payments, penalties and the close of business on top of these tables.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+.
--   money       DECIMAL(19,2), in the currency of its row
--   rates       DECIMAL(9,6), a decimal fraction a year (0.072000 = 7.20 %)
--   dates       DATE, business dates in the business zone (creditflow.time-zone)
--   instants    DATETIME(6) in UTC, whole seconds (the MySQL driver runs with sendFractionalSeconds=false)
--   ids         VARCHAR(36) UUID strings assigned in Java; a loan is keyed by its loan number
--   customer_id names the customer (another module's table): no foreign key to it
-- Foreign keys between these tables are added at the end, once the indexes that serve them exist, so that MySQL does
-- not create a second, implicit index for them.

-- A revolving credit line opened for one approved application.
CREATE TABLE cf_credit_line (
    id                VARCHAR(36)   NOT NULL,
    customer_id       VARCHAR(36)   NOT NULL,
    application_id    VARCHAR(64)   NOT NULL,
    currency          CHAR(3)       NOT NULL,
    credit_limit      DECIMAL(19,2) NOT NULL,
    available_amount  DECIMAL(19,2) NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    risk_grade        VARCHAR(1)    NOT NULL,
    opened_at         DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_cf_credit_line PRIMARY KEY (id),
    CONSTRAINT uq_cf_credit_line_application UNIQUE (application_id),
    CONSTRAINT ck_cf_credit_line_limit CHECK (credit_limit >= 0)
);

CREATE INDEX ix_cf_credit_line_customer ON cf_credit_line (customer_id, status);
CREATE INDEX ix_cf_credit_line_status ON cf_credit_line (status);

-- Every change of a line's limit, the opening included (previous_limit is NULL then). Append-only.
CREATE TABLE cf_credit_limit_change (
    id              VARCHAR(36)   NOT NULL,
    credit_line_id  VARCHAR(36)   NOT NULL,
    previous_limit  DECIMAL(19,2),
    new_limit       DECIMAL(19,2) NOT NULL,
    reason          VARCHAR(32)   NOT NULL,
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cf_credit_limit_change PRIMARY KEY (id),
    CONSTRAINT ck_cf_credit_limit_change_new CHECK (new_limit >= 0)
);

CREATE INDEX ix_cf_credit_limit_change_line ON cf_credit_limit_change (credit_line_id, changed_at);

-- A loan drawn on a credit line. The outstanding amounts are what the customer owes now: principal not yet repaid,
-- interest and penalty billed and not yet paid. schedule_version names the current schedule in cf_instalment.
CREATE TABLE cf_loan (
    loan_number            VARCHAR(14)   NOT NULL,
    customer_id            VARCHAR(36)   NOT NULL,
    credit_line_id         VARCHAR(36)   NOT NULL,
    application_id         VARCHAR(64),
    currency               CHAR(3)       NOT NULL,
    principal              DECIMAL(19,2) NOT NULL,
    annual_rate            DECIMAL(9,6)  NOT NULL,
    term_months            INT           NOT NULL,
    interest_free_months   INT           NOT NULL,
    disbursed_on           DATE          NOT NULL,
    first_due_date         DATE          NOT NULL,
    maturity_date          DATE          NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    outstanding_principal  DECIMAL(19,2) NOT NULL,
    outstanding_interest   DECIMAL(19,2) NOT NULL,
    outstanding_penalty    DECIMAL(19,2) NOT NULL,
    days_past_due          INT           NOT NULL,
    schedule_version       INT           NOT NULL,
    version                BIGINT        NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cf_loan PRIMARY KEY (loan_number),
    CONSTRAINT uq_cf_loan_application UNIQUE (application_id),
    CONSTRAINT ck_cf_loan_principal CHECK (principal > 0),
    CONSTRAINT ck_cf_loan_rate CHECK (annual_rate >= 0),
    CONSTRAINT ck_cf_loan_term CHECK (term_months >= 1 AND interest_free_months >= 0
                                      AND interest_free_months < term_months),
    CONSTRAINT ck_cf_loan_outstanding CHECK (outstanding_principal >= 0 AND outstanding_interest >= 0
                                             AND outstanding_penalty >= 0),
    CONSTRAINT ck_cf_loan_dpd CHECK (days_past_due >= 0)
);

CREATE INDEX ix_cf_loan_customer ON cf_loan (customer_id, status);
CREATE INDEX ix_cf_loan_credit_line ON cf_loan (credit_line_id);
-- close of business and collection queues: loans by status and days past due
CREATE INDEX ix_cf_loan_status_dpd ON cf_loan (status, days_past_due);

-- One line of a loan's repayment schedule. A restructuring writes a new schedule_version and keeps the old lines.
CREATE TABLE cf_instalment (
    id                VARCHAR(36)   NOT NULL,
    loan_number       VARCHAR(14)   NOT NULL,
    schedule_version  INT           NOT NULL,
    sequence_number   INT           NOT NULL,
    due_date          DATE          NOT NULL,
    principal_due     DECIMAL(19,2) NOT NULL,
    interest_due      DECIMAL(19,2) NOT NULL,
    total_due         DECIMAL(19,2) NOT NULL,
    principal_paid    DECIMAL(19,2) NOT NULL,
    interest_paid     DECIMAL(19,2) NOT NULL,
    penalty_paid      DECIMAL(19,2) NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT pk_cf_instalment PRIMARY KEY (id),
    CONSTRAINT uq_cf_instalment_sequence UNIQUE (loan_number, schedule_version, sequence_number),
    CONSTRAINT ck_cf_instalment_amounts CHECK (principal_due >= 0 AND interest_due >= 0
                                               AND total_due = principal_due + interest_due),
    CONSTRAINT ck_cf_instalment_paid CHECK (principal_paid >= 0 AND principal_paid <= principal_due
                                            AND interest_paid >= 0 AND interest_paid <= interest_due
                                            AND penalty_paid >= 0)
);

-- close of business: what falls due or is overdue on a date
CREATE INDEX ix_cf_instalment_due ON cf_instalment (due_date, status);

-- The booking of a payout to the customer. idempotency_key is the caller's key (origination: the application id):
-- its uniqueness is what stops a second booking of the same payout.
CREATE TABLE cf_disbursement (
    id               VARCHAR(36)   NOT NULL,
    idempotency_key  VARCHAR(64)   NOT NULL,
    loan_number      VARCHAR(14)   NOT NULL,
    currency         CHAR(3)       NOT NULL,
    amount           DECIMAL(19,2) NOT NULL,
    disbursed_at     DATETIME(6)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_cf_disbursement PRIMARY KEY (id),
    CONSTRAINT uq_cf_disbursement_key UNIQUE (idempotency_key),
    CONSTRAINT ck_cf_disbursement_amount CHECK (amount > 0)
);

CREATE INDEX ix_cf_disbursement_loan ON cf_disbursement (loan_number);
-- payout reconciliation: bookings by status and time
CREATE INDEX ix_cf_disbursement_status ON cf_disbursement (status, disbursed_at);

ALTER TABLE cf_credit_limit_change ADD CONSTRAINT fk_cf_credit_limit_change_line
    FOREIGN KEY (credit_line_id) REFERENCES cf_credit_line (id);
ALTER TABLE cf_loan ADD CONSTRAINT fk_cf_loan_credit_line
    FOREIGN KEY (credit_line_id) REFERENCES cf_credit_line (id);
ALTER TABLE cf_instalment ADD CONSTRAINT fk_cf_instalment_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);
ALTER TABLE cf_disbursement ADD CONSTRAINT fk_cf_disbursement_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);
