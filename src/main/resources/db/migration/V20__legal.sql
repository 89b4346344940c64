-- Legal handover and recovery (process legalHandover): the legal case, its steps with costs, and the case file as
-- assembled (a JSON snapshot, what the lawyer saw). The ledger keeps what was written off or forgiven, and the
-- written-off balance that payments after write-off recover.
-- Portable SQL: runs unchanged on H2 and MariaDB 10.6+. No personal data beyond the case file snapshot, which masks
-- the national id and every phone number and address.
ALTER TABLE cf_loan ADD COLUMN charged_off_balance DECIMAL(19,2) DEFAULT 0 NOT NULL;
ALTER TABLE cf_loan ADD COLUMN written_off_amount DECIMAL(19,2) DEFAULT 0 NOT NULL;
ALTER TABLE cf_loan ADD COLUMN forgiven_amount DECIMAL(19,2) DEFAULT 0 NOT NULL;
ALTER TABLE cf_payment ADD COLUMN recovered DECIMAL(19,2) DEFAULT 0 NOT NULL;
-- a payment after write-off allocates nothing to the schedule: the whole amount recovers the written-off balance
ALTER TABLE cf_payment DROP CONSTRAINT ck_cf_payment_allocation;
ALTER TABLE cf_payment ADD CONSTRAINT ck_cf_payment_allocation CHECK (penalty_paid >= 0 AND interest_paid >= 0
    AND principal_paid >= 0 AND prepaid_principal >= 0 AND recovered >= 0
    AND penalty_paid + interest_paid + principal_paid + prepaid_principal + recovered = amount);

CREATE TABLE cf_legal_case (
    id                       VARCHAR(36)    NOT NULL,
    loan_number              VARCHAR(14)    NOT NULL,
    -- the loan number while the case is open: one open case per loan
    open_loan_number         VARCHAR(14),
    process_instance_id      VARCHAR(64)    NOT NULL,
    collection_case_id       VARCHAR(64),
    customer_id              VARCHAR(36)    NOT NULL,
    currency                 VARCHAR(3)     NOT NULL,
    status                   VARCHAR(24)    NOT NULL,
    outcome                  VARCHAR(24),
    opened_at                DATETIME(6)    NOT NULL,
    closed_at                DATETIME(6),
    balance_at_opening       DECIMAL(19,2)  NOT NULL,
    last_decision            VARCHAR(24),
    last_decision_reason     VARCHAR(500),
    settlement_amount        DECIMAL(19,2),
    settlement_deadline      DATE,
    settlement_offered_at    DATETIME(6),
    settlement_accepted_at   DATETIME(6),
    settlement_acceptance_ref VARCHAR(64),
    court                    VARCHAR(200),
    court_case_number        VARCHAR(64),
    hearing_date             DATE,
    judgment                 VARCHAR(24),
    awarded_amount           DECIMAL(19,2),
    judgment_at              DATETIME(6),
    write_off_proposed_by    VARCHAR(64),
    write_off_approved_by    VARCHAR(64),
    forgiven_amount          DECIMAL(19,2),
    written_off_amount       DECIMAL(19,2),
    version                  BIGINT         NOT NULL,
    CONSTRAINT pk_cf_legal_case PRIMARY KEY (id),
    CONSTRAINT uk_cf_legal_case_open UNIQUE (open_loan_number)
);
CREATE INDEX ix_cf_legal_case_loan ON cf_legal_case (loan_number);

CREATE TABLE cf_legal_step (
    id                       VARCHAR(36)    NOT NULL,
    case_id                  VARCHAR(36)    NOT NULL,
    sequence_number          INT            NOT NULL,
    occurred_at              DATETIME(6)    NOT NULL,
    kind                     VARCHAR(32)    NOT NULL,
    actor                    VARCHAR(64)    NOT NULL,
    detail                   VARCHAR(500),
    cost                     DECIMAL(19,2)  NOT NULL,
    reference                VARCHAR(128),
    CONSTRAINT pk_cf_legal_step PRIMARY KEY (id),
    CONSTRAINT uk_cf_legal_step_seq UNIQUE (case_id, sequence_number),
    CONSTRAINT fk_cf_legal_step_case FOREIGN KEY (case_id) REFERENCES cf_legal_case (id)
);

CREATE TABLE cf_legal_case_file (
    id                       VARCHAR(36)    NOT NULL,
    case_id                  VARCHAR(36)    NOT NULL,
    assembled_at             DATETIME(6)    NOT NULL,
    content                  LONGTEXT       NOT NULL,
    CONSTRAINT pk_cf_legal_case_file PRIMARY KEY (id),
    CONSTRAINT uk_cf_legal_case_file_case UNIQUE (case_id),
    CONSTRAINT fk_cf_legal_case_file_case FOREIGN KEY (case_id) REFERENCES cf_legal_case (id)
);
