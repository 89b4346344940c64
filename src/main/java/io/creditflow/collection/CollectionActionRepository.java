package io.creditflow.collection;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Actions on collection cases, for the process and for reports (costs, contacts, promises per period). */
public interface CollectionActionRepository extends JpaRepository<CollectionAction, String> {

  /** The actions of a case, in the order they happened. */
  @Query("select a from CollectionAction a where a.caseId = :caseId order by a.sequenceNumber asc")
  List<CollectionAction> findByCaseIdOrderBySequenceNumberAsc(String caseId);

  /** Actions in [from, to), oldest first. */
  List<CollectionAction> findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderByOccurredAtAscIdAsc(Instant from,
      Instant to);
}
