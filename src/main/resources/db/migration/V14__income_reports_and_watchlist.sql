-- Income reported after origination (early-warning signal INCOME_DROP), and what early-warning reviews decided
-- about a credit line (watchlist, last warning raised). Portable SQL: runs unchanged on H2 and MariaDB 10.6+.
-- No personal data: ids, amounts, dates.
CREATE TABLE cf_income_report (
    id                VARCHAR(36)    NOT NULL,
    report_reference  VARCHAR(64)    NOT NULL,
    customer_id       VARCHAR(36)    NOT NULL,
    monthly_income    DECIMAL(15,2)  NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    source            VARCHAR(24)    NOT NULL,
    effective_date    DATE           NOT NULL,
    baseline_income   DECIMAL(15,2),
    change_ratio      DECIMAL(9,4),
    income_drop       BOOLEAN        NOT NULL,
    reported_by       VARCHAR(64)    NOT NULL,
    received_at       DATETIME(6)    NOT NULL,
    CONSTRAINT pk_cf_income_report PRIMARY KEY (id),
    CONSTRAINT uk_cf_income_report_reference UNIQUE (report_reference)
);
CREATE INDEX ix_cf_income_report_customer ON cf_income_report (customer_id, effective_date);

-- a watchlisted line is reviewed monthly until this date
ALTER TABLE cf_credit_review ADD COLUMN watchlist_until DATE;

-- the last early warning raised per loan: the same signals are not raised again within the cool-down
CREATE TABLE cf_early_warning (
    loan_number       VARCHAR(64)    NOT NULL,
    signals           VARCHAR(200)   NOT NULL,
    raised_on         DATE           NOT NULL,
    outcome           VARCHAR(24),
    outcome_on        DATE,
    reviewed_by       VARCHAR(64),
    updated_at        DATETIME(6)    NOT NULL,
    version           BIGINT         NOT NULL,
    CONSTRAINT pk_cf_early_warning PRIMARY KEY (loan_number)
);

-- close of business step 6 finds the loans with a late payment valued on the business date
CREATE INDEX ix_cf_payment_value_date ON cf_payment (value_date, loan_number);
