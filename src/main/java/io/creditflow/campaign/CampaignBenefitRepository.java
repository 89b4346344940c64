package io.creditflow.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignBenefitRepository extends JpaRepository<CampaignBenefit, String> {

  @Query("select b from CampaignBenefit b where b.applicationId = :applicationId")
  List<CampaignBenefit> findByApplicationId(String applicationId);

  @Query("select b from CampaignBenefit b where b.campaignId = :campaignId and b.applicationId = :applicationId")
  Optional<CampaignBenefit> findByCampaignIdAndApplicationId(String campaignId, String applicationId);
}
