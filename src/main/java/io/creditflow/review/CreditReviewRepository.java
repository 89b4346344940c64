package io.creditflow.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Review schedules by credit line. */
public interface CreditReviewRepository extends JpaRepository<CreditReview, String> {

  List<CreditReview> findByCreditLineIdIn(List<String> creditLineIds);
}
