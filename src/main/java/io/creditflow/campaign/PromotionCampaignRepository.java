package io.creditflow.campaign;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PromotionCampaignRepository extends JpaRepository<PromotionCampaign, String> {

  Optional<PromotionCampaign> findByCode(String code);

  List<PromotionCampaign> findByCodeIn(Collection<String> codes);

  /** Approved campaigns whose dates include {@code date} (budget not considered). */
  @Query("select c from PromotionCampaign c where c.status = io.creditflow.campaign.CampaignStatus.APPROVED"
      + " and c.startDate <= :date and c.endDate >= :date order by c.code")
  List<PromotionCampaign> findApprovedOn(LocalDate date);

  List<PromotionCampaign> findTop200ByOrderByCreatedAtDesc();

  List<PromotionCampaign> findTop200ByStatusOrderByCreatedAtDesc(CampaignStatus status);
}
