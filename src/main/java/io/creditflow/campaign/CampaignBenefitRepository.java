package io.creditflow.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignBenefitRepository extends JpaRepository<CampaignBenefit, String> {

  List<CampaignBenefit> findByApplicationId(String applicationId);

  Optional<CampaignBenefit> findByCampaignIdAndApplicationId(String campaignId, String applicationId);
}
