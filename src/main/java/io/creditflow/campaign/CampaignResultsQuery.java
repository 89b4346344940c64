package io.creditflow.campaign;

import io.creditflow.origination.LoanApplication;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Works out {@link CampaignResults} with aggregate queries over applications, benefits and the ledger. */
@Component
class CampaignResultsQuery {

  private final EntityManager entities;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CampaignResultsQuery(EntityManager entities, JdbcTemplate jdbc, Clock clock) {
    this.entities = entities;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  CampaignResults of(PromotionCampaign campaign) {
    Instant from = campaign.getStartDate().atStartOfDay(clock.getZone()).toInstant();
    Instant to = campaign.getEndDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    long applications = entities.createQuery("select count(a) from " + LoanApplication.class.getSimpleName()
            + " a where (a.campaignCode = :code and a.createdAt >= :from and a.createdAt < :to)"
            + " or a.id in (select b.applicationId from CampaignBenefit b where b.campaignId = :campaign)", Long.class)
        .setParameter("code", campaign.getCode()).setParameter("from", from).setParameter("to", to)
        .setParameter("campaign", campaign.getId())
        .getSingleResult();
    Object[] benefits = entities.createQuery("select count(b), count(b.loanNumber), coalesce(sum(b.principal), 0),"
            + " coalesce(sum(b.benefitCost), 0) from CampaignBenefit b where b.campaignId = :campaign", Object[].class)
        .setParameter("campaign", campaign.getId())
        .getSingleResult();
    var delinquent = jdbc.queryForMap("SELECT COUNT(*) AS loans, COALESCE(SUM(l.outstanding_principal), 0) AS principal"
        + " FROM cf_campaign_benefit b JOIN cf_loan l ON l.loan_number = b.loan_number"
        + " WHERE b.campaign_id = ? AND l.days_past_due > 0", campaign.getId());
    return new CampaignResults(applications, ((Number) benefits[0]).longValue(), ((Number) benefits[1]).longValue(),
        money(benefits[2]), money(benefits[3]), ((Number) delinquent.get("loans")).longValue(),
        money(delinquent.get("principal")));
  }

  private static BigDecimal money(Object value) {
    return new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
