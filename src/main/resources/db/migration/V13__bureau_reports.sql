-- What the lender reports to the credit bureau about its loans (delinquency at 30/60/90 days, cure, settlement,
-- charge-off, correction), with a Metro 2-like account status and payment rating and a snapshot of the ledger's
-- balance and amount past due. Not a Metro 2 file: the records an export to the bureau is built from.
-- Portable SQL: runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+ (dates as DATE, instants DATETIME(6) in UTC and
-- whole seconds). No personal data: loan number, customer id, codes and amounts.
--
-- One record per loan, kind and as-of (business) date: the unique key makes a retried job, or two transactions
-- recording the same fact at the same moment, store it once.
CREATE TABLE cf_bureau_report (
    id                 VARCHAR(36)    NOT NULL,
    loan_number        VARCHAR(14)    NOT NULL,
    customer_id        VARCHAR(36)    NOT NULL,
    kind               VARCHAR(16)    NOT NULL,
    account_status     VARCHAR(2)     NOT NULL,
    payment_rating     VARCHAR(1),
    as_of              DATE           NOT NULL,
    days_past_due      INT            NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    current_balance    DECIMAL(19,2)  NOT NULL,
    amount_past_due    DECIMAL(19,2)  NOT NULL,
    note               VARCHAR(200),
    created_at         DATETIME(6)    NOT NULL,
    export_status      VARCHAR(16)    NOT NULL,
    exported_at        DATETIME(6),
    export_reference   VARCHAR(64),
    CONSTRAINT pk_cf_bureau_report PRIMARY KEY (id),
    CONSTRAINT uq_cf_bureau_report_fact UNIQUE (loan_number, kind, as_of),
    CONSTRAINT ck_cf_bureau_report_amounts CHECK (current_balance >= 0 AND amount_past_due >= 0),
    CONSTRAINT ck_cf_bureau_report_dpd CHECK (days_past_due >= 0)
);

-- GET /api/bureau-reports?from=&to= and the export: by as-of date, then loan
CREATE INDEX ix_cf_bureau_report_as_of ON cf_bureau_report (as_of, loan_number);

ALTER TABLE cf_bureau_report ADD CONSTRAINT fk_cf_bureau_report_loan
    FOREIGN KEY (loan_number) REFERENCES cf_loan (loan_number);

-- Exports: PENDING records of an as-of range marked EXPORTED under the caller's reference. The reference's uniqueness
-- makes a repeated export harmless.
CREATE TABLE cf_bureau_report_export (
    id                 VARCHAR(36)    NOT NULL,
    export_reference   VARCHAR(64)    NOT NULL,
    from_date          DATE           NOT NULL,
    to_date            DATE           NOT NULL,
    record_count       INT            NOT NULL,
    exported_by        VARCHAR(64)    NOT NULL,
    exported_at        DATETIME(6)    NOT NULL,
    CONSTRAINT pk_cf_bureau_report_export PRIMARY KEY (id),
    CONSTRAINT uq_cf_bureau_report_export_reference UNIQUE (export_reference),
    CONSTRAINT ck_cf_bureau_report_export_range CHECK (from_date <= to_date)
);
