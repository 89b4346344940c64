-- Hardship requests (process hardshipAssessment, business key = loan number): what the customer asked for, the
-- options the assessment computed, and the credit officer's decision.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (conventions as in V3: money DECIMAL(19,2),
-- instants DATETIME(6) in UTC and whole seconds, ids VARCHAR(36) UUIDs assigned in Java).
-- The note is the customer's own text: shown to staff, never logged.
-- open_loan_number holds the loan number while the request is REQUESTED and NULL once decided: its unique key allows
-- one open request per loan, also when two requests arrive at the same moment (NULLs do not collide on either
-- database).
CREATE TABLE cf_hardship_request (
    id                          VARCHAR(36)    NOT NULL,
    loan_number                 VARCHAR(14)    NOT NULL,
    open_loan_number            VARCHAR(14),
    reason_code                 VARCHAR(32)    NOT NULL,
    note                        VARCHAR(500),
    requested_extension_months  INT            NOT NULL,
    proposed_instalment         DECIMAL(19,2),
    status                      VARCHAR(16)    NOT NULL,
    requested_by                VARCHAR(64)    NOT NULL,
    requested_at                DATETIME(6)    NOT NULL,
    process_instance_id         VARCHAR(64),
    current_instalment          DECIMAL(19,2),
    remaining_months            INT,
    extension_months            INT,
    extension_instalment        DECIMAL(19,2),
    reduced_extension_months    INT,
    reduced_instalment          DECIMAL(19,2),
    options_at                  DATETIME(6),
    chosen_option               VARCHAR(32),
    decline_reason              VARCHAR(40),
    decided_by                  VARCHAR(64),
    decided_at                  DATETIME(6),
    new_remaining_months        INT,
    new_instalment              DECIMAL(19,2),
    version                     BIGINT         NOT NULL,
    CONSTRAINT pk_cf_hardship_request PRIMARY KEY (id),
    CONSTRAINT uq_cf_hardship_request_open UNIQUE (open_loan_number)
);

CREATE INDEX ix_cf_hardship_request_loan ON cf_hardship_request (loan_number, requested_at);
