-- Portfolio early warning (daily snapshots of the book by days-past-due bucket, the warning lines they breached, the
-- risk manager's action) and post-loan self-inspection (samples, checklist findings, remediation).
-- Portable SQL: runs unchanged on H2 and MySQL 8 / MariaDB 10.6+ (money DECIMAL(19,2), ratios DECIMAL(9,6) as decimal
-- fractions, dates DATE, instants DATETIME(6) in UTC and whole seconds, ids VARCHAR(36) UUIDs assigned in Java).
-- No personal data: ids, counts, amounts, decision outputs and staff comments.

-- One snapshot per business date (business key of portfolioEarlyWarning).
CREATE TABLE cf_portfolio_snapshot (
    id                     VARCHAR(36)   NOT NULL,
    snapshot_date          DATE          NOT NULL,
    previous_snapshot_id   VARCHAR(36),
    previous_snapshot_date DATE,
    triggered_by           VARCHAR(64)   NOT NULL,
    process_instance_id    VARCHAR(64),
    computed_at            DATETIME(6)   NOT NULL,
    duration_ms            BIGINT        NOT NULL,
    warning_level          VARCHAR(16),
    breach_count           INT,
    review_action          VARCHAR(32),
    review_comment         VARCHAR(500),
    reviewed_by            VARCHAR(64),
    reviewed_at            DATETIME(6),
    CONSTRAINT pk_cf_portfolio_snapshot PRIMARY KEY (id),
    CONSTRAINT uq_cf_portfolio_snapshot_date UNIQUE (snapshot_date)
);

-- The figures of a snapshot, per segment: dimension TOTAL (key ALL), PRODUCT, CHANNEL, GRADE or CAMPAIGN.
-- Roll rates are NULL when there is no previous snapshot or nothing was in the bucket then.
CREATE TABLE cf_portfolio_segment (
    id                     VARCHAR(36)   NOT NULL,
    snapshot_id            VARCHAR(36)   NOT NULL,
    dimension              VARCHAR(16)   NOT NULL,
    segment_key            VARCHAR(32)   NOT NULL,
    loan_count             INT           NOT NULL,
    balance                DECIMAL(19,2) NOT NULL,
    current_count          INT           NOT NULL,
    current_balance        DECIMAL(19,2) NOT NULL,
    dpd_1_30_count         INT           NOT NULL,
    dpd_1_30_balance       DECIMAL(19,2) NOT NULL,
    dpd_31_60_count        INT           NOT NULL,
    dpd_31_60_balance      DECIMAL(19,2) NOT NULL,
    dpd_61_90_count        INT           NOT NULL,
    dpd_61_90_balance      DECIMAL(19,2) NOT NULL,
    dpd_90_plus_count      INT           NOT NULL,
    dpd_90_plus_balance    DECIMAL(19,2) NOT NULL,
    overdue_ratio_balance  DECIMAL(9,6)  NOT NULL,
    overdue_ratio_count    DECIMAL(9,6)  NOT NULL,
    roll_current           DECIMAL(9,6),
    roll_1_30              DECIMAL(9,6),
    roll_31_60             DECIMAL(9,6),
    roll_61_90             DECIMAL(9,6),
    CONSTRAINT pk_cf_portfolio_segment PRIMARY KEY (id),
    CONSTRAINT uq_cf_portfolio_segment UNIQUE (snapshot_id, dimension, segment_key)
);

-- What the DMN portfolioWarning found breached in a snapshot.
CREATE TABLE cf_portfolio_breach (
    id                     VARCHAR(36)   NOT NULL,
    snapshot_id            VARCHAR(36)   NOT NULL,
    dimension              VARCHAR(16)   NOT NULL,
    segment_key            VARCHAR(32)   NOT NULL,
    line_code              VARCHAR(32)   NOT NULL,
    warning_level          VARCHAR(16)   NOT NULL,
    measured               DECIMAL(9,6)  NOT NULL,
    recommended_action     VARCHAR(32)   NOT NULL,
    CONSTRAINT pk_cf_portfolio_breach PRIMARY KEY (id)
);
CREATE INDEX ix_cf_portfolio_breach_snapshot ON cf_portfolio_breach (snapshot_id);

-- Each open loan's bucket and balance at the latest snapshot: the roll rates of the next snapshot join the book
-- against it (one narrow row per open loan, replaced by every snapshot).
CREATE TABLE cf_portfolio_loan_bucket (
    loan_number            VARCHAR(14)   NOT NULL,
    bucket                 INT           NOT NULL,
    balance                DECIMAL(19,2) NOT NULL,
    snapshot_id            VARCHAR(36)   NOT NULL,
    CONSTRAINT pk_cf_portfolio_loan_bucket PRIMARY KEY (loan_number)
);

-- A post-loan self-inspection (business key of postLoanInspection).
CREATE TABLE cf_inspection (
    id                     VARCHAR(36)   NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    seed                   BIGINT        NOT NULL,
    requested_size         INT           NOT NULL,
    population             INT,
    sample_size            INT,
    triggered_by           VARCHAR(64)   NOT NULL,
    process_instance_id    VARCHAR(64),
    started_at             DATETIME(6)   NOT NULL,
    sampled_at             DATETIME(6),
    completed_at           DATETIME(6),
    CONSTRAINT pk_cf_inspection PRIMARY KEY (id)
);
CREATE INDEX ix_cf_inspection_started ON cf_inspection (started_at);

-- The loans drawn, in drawing order (draw_order), with the grade they were drawn from.
CREATE TABLE cf_inspection_loan (
    inspection_id          VARCHAR(36)   NOT NULL,
    loan_number            VARCHAR(14)   NOT NULL,
    risk_grade             VARCHAR(1)    NOT NULL,
    draw_order             INT           NOT NULL,
    inspected_by           VARCHAR(64),
    inspected_at           DATETIME(6),
    CONSTRAINT pk_cf_inspection_loan PRIMARY KEY (inspection_id, loan_number)
);

-- One checklist item of one sampled loan; a failed item carries its remediation (group, due date, status).
CREATE TABLE cf_inspection_finding (
    inspection_id          VARCHAR(36)   NOT NULL,
    loan_number            VARCHAR(14)   NOT NULL,
    item                   VARCHAR(24)   NOT NULL,
    passed                 BOOLEAN       NOT NULL,
    finding_comment        VARCHAR(500),
    remediation_group      VARCHAR(64),
    remediation_due        DATE,
    remediation_status     VARCHAR(16)   NOT NULL,
    remediated_by          VARCHAR(64),
    remediated_at          DATETIME(6),
    remediation_comment    VARCHAR(500),
    CONSTRAINT pk_cf_inspection_finding PRIMARY KEY (inspection_id, loan_number, item)
);
