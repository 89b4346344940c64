-- Periodic credit-line reviews (close of business step 5): when each line is reviewed next, and what the last review
-- found. One row per credit line, created on the first review pass (next review = opened + review interval).
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (dates as DATE, instants DATETIME(6) in UTC and
-- whole seconds). No personal data: ids, dates, bureau counts, decision outputs.
CREATE TABLE cf_credit_review (
    credit_line_id              VARCHAR(36)    NOT NULL,
    customer_id                 VARCHAR(36)    NOT NULL,
    next_review_date            DATE           NOT NULL,
    last_review_date            DATE,
    last_action                 VARCHAR(16),
    last_reason_code            VARCHAR(32),
    last_behaviour_score        INT,
    last_bureau_score           INT,
    bureau_delinquencies        INT,
    previous_bureau_delinquencies INT,
    updated_at                  DATETIME(6)    NOT NULL,
    version                     BIGINT         NOT NULL,
    CONSTRAINT pk_cf_credit_review PRIMARY KEY (credit_line_id)
);
CREATE INDEX ix_cf_credit_review_next ON cf_credit_review (next_review_date, credit_line_id);
