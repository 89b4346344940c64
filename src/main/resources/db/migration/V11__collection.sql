-- Collection cases (process collection, business key = loan number) and every action taken on them. They feed the
-- collection report (cure rate, cost per cured loan, roll rates, promise-kept rate).
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (conventions as in V3: money DECIMAL(19,2),
-- instants DATETIME(6) in UTC and whole seconds, ids VARCHAR(36) UUIDs assigned in Java).
-- open_loan_number holds the loan number while the case is open and NULL once it ended: its unique key allows one
-- open case per loan (NULLs do not collide on either database).
CREATE TABLE cf_collection_case (
    id                    VARCHAR(36)    NOT NULL,
    loan_number           VARCHAR(14)    NOT NULL,
    open_loan_number      VARCHAR(14),
    process_instance_id   VARCHAR(64)    NOT NULL,
    customer_id           VARCHAR(36)    NOT NULL,
    currency              VARCHAR(3)     NOT NULL,
    started_at            DATETIME(6)    NOT NULL,
    ended_at              DATETIME(6),
    start_dpd             INT            NOT NULL,
    max_dpd               INT            NOT NULL,
    strategy              VARCHAR(16)    NOT NULL,
    current_stage         VARCHAR(24)    NOT NULL,
    outcome               VARCHAR(16),
    promises_made         INT            NOT NULL,
    promises_kept         INT            NOT NULL,
    promises_broken       INT            NOT NULL,
    on_hold               BOOLEAN        NOT NULL,
    cycle_number          INT            NOT NULL,
    acted_stage           VARCHAR(24),
    escalation_floor      VARCHAR(24),
    stage_attempts        INT            NOT NULL,
    last_call_outcome     VARCHAR(24),
    last_call_at          DATETIME(6),
    promise_date          DATE,
    promise_amount        DECIMAL(19,2),
    promised_at           DATETIME(6),
    pending_exit          VARCHAR(16),
    bureau_reported_dpd   INT            NOT NULL,
    action_count          INT            NOT NULL,
    version               BIGINT         NOT NULL,
    CONSTRAINT pk_cf_collection_case PRIMARY KEY (id),
    CONSTRAINT uq_cf_collection_case_open UNIQUE (open_loan_number),
    CONSTRAINT uq_cf_collection_case_process UNIQUE (process_instance_id)
);

CREATE INDEX ix_cf_collection_case_loan ON cf_collection_case (loan_number, started_at);
CREATE INDEX ix_cf_collection_case_started ON cf_collection_case (started_at);

CREATE TABLE cf_collection_action (
    id                VARCHAR(36)    NOT NULL,
    case_id           VARCHAR(36)    NOT NULL,
    sequence_number   INT            NOT NULL,
    loan_number       VARCHAR(14)    NOT NULL,
    occurred_at       DATETIME(6)    NOT NULL,
    stage             VARCHAR(24)    NOT NULL,
    action            VARCHAR(32)    NOT NULL,
    channel           VARCHAR(16),
    unit_cost         DECIMAL(19,2)  NOT NULL,
    outcome           VARCHAR(40),
    reference         VARCHAR(128),
    actor             VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_cf_collection_action PRIMARY KEY (id),
    CONSTRAINT fk_cf_collection_action_case FOREIGN KEY (case_id) REFERENCES cf_collection_case (id),
    CONSTRAINT uq_cf_collection_action_seq UNIQUE (case_id, sequence_number)
);

CREATE INDEX ix_cf_collection_action_time ON cf_collection_action (occurred_at);
