package io.creditflow.cob;

import io.creditflow.servicing.CreditLine;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The credit lines step 5 has work for: not CLOSED, and either without a review schedule yet (the first pass creates
 * it) or with their next review on or before the business date. Keyset paging by line id. Lines whose review is not
 * due are never loaded, so the step costs one query for a book where nothing is due rather than one transaction per
 * line; {@code ReviewService.reviewIfDue} still decides, so the filter only saves work.
 */
interface DueCreditLines extends Repository<CreditLine, String> {

  @Query("select c from CreditLine c where c.id > :after"
      + " and c.status <> io.creditflow.servicing.CreditLineStatus.CLOSED"
      + " and not exists (select r.creditLineId from CreditReview r where r.creditLineId = c.id"
      + " and r.nextReviewDate > :businessDate)"
      + " order by c.id")
  List<CreditLine> dueAfter(@Param("after") String afterId, @Param("businessDate") LocalDate businessDate,
      Limit limit);
}
