package io.creditflow.collection;

import io.creditflow.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The collection case of a loan: strategy, stage, hold, promises and every action, with its cost. */
@RestController
@RequestMapping("/api")
@Tag(name = "Collection")
class CollectionController {

  private static final String READERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'collectors',"
      + " 'senior-collectors', 'legal', 'risk-managers', 'compliance')";

  record PromiseView(LocalDate date, BigDecimal amount, OffsetDateTime promisedAt) {}

  record ActionView(int sequenceNumber, OffsetDateTime occurredAt, CollectionStage stage, CollectionActionType action,
      String channel, BigDecimal unitCost, String outcome, String reference, String actor) {}

  record CaseView(String caseId, String loanNumber, String processInstanceId, boolean active,
      CollectionStrategy strategy, CollectionStage stage, boolean onHold, OffsetDateTime startedAt,
      OffsetDateTime endedAt, CollectionOutcome outcome, int startDaysPastDue, int maxDaysPastDue, int promisesMade,
      int promisesKept, int promisesBroken, PromiseView openPromise, String currency, BigDecimal totalCost,
      List<ActionView> actions) {}

  private final CollectionService service;
  private final ZoneId zone;

  CollectionController(CollectionService service, Clock clock) {
    this.service = service;
    this.zone = clock.getZone();
  }

  @GetMapping("/loans/{loanNumber}/collection")
  @PreAuthorize(READERS)
  @Operation(summary = "The loan's current collection case, else its last one, with every action taken")
  CaseView collection(@PathVariable String loanNumber) {
    CollectionService.CaseView view = service.latest(loanNumber)
        .orElseThrow(() -> new NotFoundException("Loan " + loanNumber + " has no collection case."));
    CollectionCase c = view.collectionCase();
    List<ActionView> actions = view.actions().stream().map(a -> new ActionView(a.getSequenceNumber(),
        time(a.getOccurredAt()), a.getStage(), a.getAction(), a.getChannel(), a.getUnitCost(), a.getOutcome(),
        a.getReference(), a.getActor())).toList();
    BigDecimal cost = view.actions().stream().map(CollectionAction::getUnitCost)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new CaseView(c.getId(), c.getLoanNumber(), c.getProcessInstanceId(), c.getEndedAt() == null,
        c.getStrategy(), c.getCurrentStage(), view.onHoldNow(), time(c.getStartedAt()), time(c.getEndedAt()),
        c.getOutcome(), c.getStartDpd(), c.getMaxDpd(), c.getPromisesMade(), c.getPromisesKept(),
        c.getPromisesBroken(), c.getPromiseDate() == null ? null
            : new PromiseView(c.getPromiseDate(), c.getPromiseAmount(), time(c.getPromisedAt())),
        c.getCurrency(), cost, actions);
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
