-- Marketing promotion campaigns (process promotionCampaign) and the benefit each one granted with an offer.
-- Portable SQL: runs unchanged on H2 and MariaDB 10.6+. No personal data: ids, amounts, dates, staff user ids.
CREATE TABLE cf_promotion_campaign (
    id                       VARCHAR(36)    NOT NULL,
    code                     VARCHAR(32)    NOT NULL,
    name                     VARCHAR(100)   NOT NULL,
    status                   VARCHAR(16)    NOT NULL,
    process_instance_id      VARCHAR(64)    NOT NULL,
    -- target segment; NULL = any
    target_channel           VARCHAR(16),
    target_age_from          INT,
    target_age_to            INT,
    target_grades            VARCHAR(16),
    target_partner_merchant  VARCHAR(100),
    -- benefit
    rate_discount_bps        INT            NOT NULL,
    interest_free_months     INT            NOT NULL,
    cashback_amount          DECIMAL(19,2)  NOT NULL,
    benefit_disclosure       VARCHAR(1000),
    budget                   DECIMAL(19,2)  NOT NULL,
    start_date               DATE           NOT NULL,
    end_date                 DATE           NOT NULL,
    -- automatic checks and compliance review
    check_runs               INT            NOT NULL,
    check_findings           VARCHAR(2000),
    disclosed_rates          VARCHAR(500),
    created_by               VARCHAR(64),
    reviewed_by              VARCHAR(64),
    review_comment           VARCHAR(500),
    reviewed_at              DATETIME(6),
    -- running and closing
    spent                    DECIMAL(19,2)  NOT NULL,
    closed_reason            VARCHAR(24),
    closed_at                DATETIME(6),
    -- results snapshot taken at close, and marketing's conclusion
    result_applications      INT,
    result_approvals         INT,
    result_disbursed_loans   INT,
    result_disbursed_amount  DECIMAL(19,2),
    result_benefit_cost      DECIMAL(19,2),
    result_delinquent_loans  INT,
    result_delinquent_principal DECIMAL(19,2),
    results_conclusion       VARCHAR(16),
    results_comment          VARCHAR(500),
    results_reviewed_by      VARCHAR(64),
    created_at               DATETIME(6)    NOT NULL,
    updated_at               DATETIME(6)    NOT NULL,
    version                  BIGINT         NOT NULL,
    CONSTRAINT pk_cf_promotion_campaign PRIMARY KEY (id),
    CONSTRAINT uk_cf_promotion_campaign_code UNIQUE (code),
    CONSTRAINT ck_cf_promotion_campaign_benefit CHECK (rate_discount_bps >= 0 AND interest_free_months >= 0
                                                        AND cashback_amount >= 0),
    CONSTRAINT ck_cf_promotion_campaign_money CHECK (budget >= 0 AND spent >= 0)
);
-- origination looks up the approved campaigns running on a date
CREATE INDEX ix_cf_promotion_campaign_status ON cf_promotion_campaign (status, start_date, end_date);

-- One campaign benefit granted with an offer; the estimated cost is booked when the loan is disbursed.
CREATE TABLE cf_campaign_benefit (
    id                       VARCHAR(36)    NOT NULL,
    campaign_id              VARCHAR(36)    NOT NULL,
    application_id           VARCHAR(36)    NOT NULL,
    offered_at               DATETIME(6)    NOT NULL,
    loan_number              VARCHAR(14),
    principal                DECIMAL(19,2),
    benefit_cost             DECIMAL(19,2),
    disbursed_at             DATETIME(6),
    CONSTRAINT pk_cf_campaign_benefit PRIMARY KEY (id),
    CONSTRAINT uk_cf_campaign_benefit UNIQUE (campaign_id, application_id),
    CONSTRAINT fk_cf_campaign_benefit_campaign FOREIGN KEY (campaign_id) REFERENCES cf_promotion_campaign (id)
);
CREATE INDEX ix_cf_campaign_benefit_application ON cf_campaign_benefit (application_id);
