-- Close of business (process closeOfBusiness): one run per business date, its steps with counts and a resume cursor,
-- the loans a step recorded and skipped, and the follow-ups step 1 hands to later steps of the same run.
-- No personal data: loan numbers, counts and error messages only.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+.
--   dates     DATE, business dates in the business zone (creditflow.time-zone)
--   instants  DATETIME(6) in UTC, whole seconds

-- One close of business per business date.
CREATE TABLE cf_cob_run (
    id                   VARCHAR(36)  NOT NULL,
    business_date        DATE         NOT NULL,
    target_date          DATE         NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    triggered_by         VARCHAR(64)  NOT NULL,
    process_instance_id  VARCHAR(64),
    started_at           DATETIME(6)  NOT NULL,
    finished_at          DATETIME(6),
    version              BIGINT       NOT NULL,
    CONSTRAINT pk_cf_cob_run PRIMARY KEY (id),
    CONSTRAINT uq_cf_cob_run_business_date UNIQUE (business_date)
);

CREATE INDEX ix_cf_cob_run_status ON cf_cob_run (status, business_date);

-- The steps of a run, in order. last_key is the keyset cursor (loan number) of the last committed chunk.
CREATE TABLE cf_cob_step (
    id           VARCHAR(36)   NOT NULL,
    run_id       VARCHAR(36)   NOT NULL,
    step         VARCHAR(32)   NOT NULL,
    step_order   INT           NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    processed    INT           NOT NULL,
    failed       INT           NOT NULL,
    skipped      INT           NOT NULL,
    chunks       INT           NOT NULL,
    duration_ms  BIGINT        NOT NULL,
    last_key     VARCHAR(64),
    last_error   VARCHAR(1000),
    started_at   DATETIME(6),
    finished_at  DATETIME(6),
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_cf_cob_step PRIMARY KEY (id),
    CONSTRAINT uq_cf_cob_step_run_step UNIQUE (run_id, step),
    CONSTRAINT fk_cf_cob_step_run FOREIGN KEY (run_id) REFERENCES cf_cob_run (id)
);

-- A loan a step could not handle: recorded once per run, step and loan, then skipped.
CREATE TABLE cf_cob_loan_error (
    id           VARCHAR(36)    NOT NULL,
    run_id       VARCHAR(36)    NOT NULL,
    step         VARCHAR(32)    NOT NULL,
    loan_number  VARCHAR(64)    NOT NULL,
    message      VARCHAR(1000)  NOT NULL,
    occurred_at  DATETIME(6)    NOT NULL,
    CONSTRAINT pk_cf_cob_loan_error PRIMARY KEY (id),
    CONSTRAINT uq_cf_cob_loan_error UNIQUE (run_id, step, loan_number),
    CONSTRAINT fk_cf_cob_loan_error_run FOREIGN KEY (run_id) REFERENCES cf_cob_run (id)
);

-- What closing a loan's day asks of later steps of the same run (start collection, settlement notice), written in
-- the same transaction as the close, so that a resumed run never loses one.
CREATE TABLE cf_cob_follow_up (
    id             VARCHAR(36)  NOT NULL,
    run_id         VARCHAR(36)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    loan_number    VARCHAR(64)  NOT NULL,
    days_past_due  INT          NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT pk_cf_cob_follow_up PRIMARY KEY (id),
    CONSTRAINT uq_cf_cob_follow_up UNIQUE (run_id, kind, loan_number),
    CONSTRAINT fk_cf_cob_follow_up_run FOREIGN KEY (run_id) REFERENCES cf_cob_run (id)
);
