-- Customers and loan applications. National id, mobile and e-mail are stored encrypted (AES-GCM, application side);
-- national_id_hash is a keyed hash (HMAC-SHA256) for look-ups and duplicate checks.
CREATE TABLE cf_customer (
    id                   VARCHAR(36)   NOT NULL,
    national_id_hash     VARCHAR(64)   NOT NULL,
    national_id          VARCHAR(255)  NOT NULL,
    full_name            VARCHAR(100)  NOT NULL,
    date_of_birth        DATE          NOT NULL,
    mobile               VARCHAR(255)  NOT NULL,
    email                VARCHAR(512)  NOT NULL,
    preferred_language   VARCHAR(10)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT pk_cf_customer PRIMARY KEY (id),
    CONSTRAINT uq_cf_customer_national_id_hash UNIQUE (national_id_hash)
);

CREATE TABLE cf_loan_application (
    id                       VARCHAR(36)    NOT NULL,
    external_reference       VARCHAR(64)    NOT NULL,
    request_fingerprint      VARCHAR(64)    NOT NULL,
    channel                  VARCHAR(16)    NOT NULL,
    campaign_code            VARCHAR(32),
    customer_id              VARCHAR(36)    NOT NULL,
    monthly_income           DECIMAL(19,2)  NOT NULL,
    employment_months        INT            NOT NULL,
    monthly_debt_payments    DECIMAL(19,2)  NOT NULL,
    dependants               INT            NOT NULL,
    age_at_application       INT            NOT NULL,
    requested_amount         DECIMAL(19,2)  NOT NULL,
    term_months              INT            NOT NULL,
    purpose                  VARCHAR(32)    NOT NULL,
    currency                 CHAR(3)        NOT NULL,
    status                   VARCHAR(16)    NOT NULL,
    process_instance_id      VARCHAR(64),
    -- assessment
    bureau_reference         VARCHAR(64),
    bureau_report            VARCHAR(2000),
    debt_to_income           DECIMAL(9,4),
    score                    INT,
    max_score                INT,
    risk_grade               VARCHAR(2),
    outcome                  VARCHAR(16),
    reasons                  VARCHAR(2000),
    decided_at               DATETIME(6),
    -- suggested terms (from the terms matrix and the debt-to-income cap)
    suggested_limit          DECIMAL(19,2),
    max_term_months          INT,
    annual_rate              DECIMAL(9,6),
    min_annual_rate          DECIMAL(9,6),
    -- people's decisions
    reviewed_by              VARCHAR(64),
    reviewed_at              DATETIME(6),
    approved_limit           DECIMAL(19,2),
    approved_term_months     INT,
    second_approver          VARCHAR(64),
    second_approved_at       DATETIME(6),
    documents_requested      VARCHAR(500),
    -- offer
    offer_limit              DECIMAL(19,2),
    offer_amount             DECIMAL(19,2),
    offer_term_months        INT,
    offer_annual_rate        DECIMAL(9,6),
    offer_interest_free      INT,
    offer_instalment         DECIMAL(19,2),
    offer_promotions         VARCHAR(2000),
    offer_expires_at         DATETIME(6),
    answered_at              DATETIME(6),
    -- result
    loan_number              VARCHAR(20),
    credit_line_id           VARCHAR(36),
    disbursed_at             DATETIME(6),
    closed_reason            VARCHAR(64),
    created_at               DATETIME(6)    NOT NULL,
    updated_at               DATETIME(6)    NOT NULL,
    version                  BIGINT         NOT NULL,
    CONSTRAINT pk_cf_loan_application PRIMARY KEY (id),
    CONSTRAINT uq_cf_loan_application_ext_ref UNIQUE (external_reference)
);

CREATE INDEX ix_cf_loan_application_customer ON cf_loan_application (customer_id, status);
CREATE INDEX ix_cf_loan_application_status ON cf_loan_application (status, created_at);

CREATE TABLE cf_application_document (
    id              VARCHAR(36)   NOT NULL,
    application_id  VARCHAR(36)   NOT NULL,
    document_type   VARCHAR(32)   NOT NULL,
    file_reference  VARCHAR(200)  NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cf_application_document PRIMARY KEY (id),
    CONSTRAINT fk_cf_application_document_app FOREIGN KEY (application_id) REFERENCES cf_loan_application (id)
);

CREATE INDEX ix_cf_application_document_app ON cf_application_document (application_id);
