-- Complaints (process complaintResolution, business key = complaint id): intake, triage, deadlines, resolution,
-- remedy, feedback; and the complaint's history (one row per step).
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (money DECIMAL(19,2), instants DATETIME(6) in UTC
-- and whole seconds, ids VARCHAR(36) UUIDs assigned in Java).
-- description is the customer's own text (personal data): stored encrypted (AES-GCM, base64), never logged.
-- external_reference is unique: intake is idempotent by it (NULL for complaints registered in Tasklist).
CREATE TABLE cf_complaint (
    id                        VARCHAR(36)    NOT NULL,
    external_reference        VARCHAR(64),
    request_hash              VARCHAR(64),
    customer_id               VARCHAR(36)    NOT NULL,
    loan_number               VARCHAR(14),
    channel                   VARCHAR(16)    NOT NULL,
    category                  VARCHAR(24),
    category_source           VARCHAR(16),
    severity                  VARCHAR(8)     NOT NULL,
    disputes_debt             BOOLEAN        NOT NULL,
    description               VARCHAR(5600)  NOT NULL,
    preferred_language        VARCHAR(16)    NOT NULL,
    jurisdiction              VARCHAR(4)     NOT NULL,
    status                    VARCHAR(24)    NOT NULL,
    handling_group            VARCHAR(64),
    received_at               DATETIME(6)    NOT NULL,
    registered_by             VARCHAR(64)    NOT NULL,
    process_instance_id       VARCHAR(64),
    acknowledge_by            DATETIME(6),
    acknowledged_at           DATETIME(6),
    summary_by                DATETIME(6),
    in_progress_by            DATETIME(6),
    in_progress_sent_at       DATETIME(6),
    due_by                    DATETIME(6),
    extended                  BOOLEAN        NOT NULL,
    collection_hold           BOOLEAN        NOT NULL,
    reminded_at               DATETIME(6),
    escalated_at              DATETIME(6),
    breached_at               DATETIME(6),
    outcome                   VARCHAR(24),
    remedies                  VARCHAR(200),
    refund_amount             DECIMAL(19,2),
    resolution_note           VARCHAR(2000),
    resolved_by               VARCHAR(64),
    resolved_at               DATETIME(6),
    summary_resolution        BOOLEAN        NOT NULL,
    bureau_record_id          VARCHAR(36),
    responded_at              DATETIME(6),
    feedback_until            DATETIME(6),
    feedback_satisfied        BOOLEAN,
    feedback_comment          VARCHAR(1000),
    feedback_at               DATETIME(6),
    second_level_outcome      VARCHAR(24),
    second_level_by           VARCHAR(64),
    second_level_at           DATETIME(6),
    closed_at                 DATETIME(6),
    close_reason              VARCHAR(32),
    version                   BIGINT         NOT NULL,
    CONSTRAINT pk_cf_complaint PRIMARY KEY (id),
    CONSTRAINT uq_cf_complaint_external_reference UNIQUE (external_reference)
);

CREATE INDEX ix_cf_complaint_received ON cf_complaint (received_at);
CREATE INDEX ix_cf_complaint_loan ON cf_complaint (loan_number);

CREATE TABLE cf_complaint_event (
    id              VARCHAR(36)    NOT NULL,
    complaint_id    VARCHAR(36)    NOT NULL,
    sequence_number INT            NOT NULL,
    occurred_at     DATETIME(6)    NOT NULL,
    kind            VARCHAR(32)    NOT NULL,
    actor           VARCHAR(64)    NOT NULL,
    detail          VARCHAR(500),
    CONSTRAINT pk_cf_complaint_event PRIMARY KEY (id),
    CONSTRAINT uq_cf_complaint_event_sequence UNIQUE (complaint_id, sequence_number),
    CONSTRAINT fk_cf_complaint_event_complaint FOREIGN KEY (complaint_id) REFERENCES cf_complaint (id)
);

