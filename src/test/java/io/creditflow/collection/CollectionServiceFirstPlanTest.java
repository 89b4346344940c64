package io.creditflow.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.creditflow.bureau.BureauReporting;
import io.creditflow.contact.ContactPolicy;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.hardship.HardshipService;
import io.creditflow.review.BehaviourScoreService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanQueries.LoanWithSchedule;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CollectionService#firstPlan}: the loan and its schedule are read once for the steps of a first plan, and the
 * case it opens is kept, only for that loan and only inside it (close of business step 3, issue 9).
 */
class CollectionServiceFirstPlanTest {

  private static final String LOAN = "LN0000AAAA00000001";
  private static final String OTHER = "LN0000AAAA00000002";

  private final LoanQueries loans = mock(LoanQueries.class);
  private final CollectionCaseRepository cases = mock(CollectionCaseRepository.class);
  private final EntityManager entities = mock(EntityManager.class);
  private CollectionService service;

  @BeforeEach
  void service() {
    for (String loanNumber : List.of(LOAN, OTHER)) {
      Loan loan = mock(Loan.class);
      when(loan.getLoanNumber()).thenReturn(loanNumber);
      when(loan.getCustomerId()).thenReturn("customer-" + loanNumber);
      when(loan.getCurrency()).thenReturn("CNY");
      when(loan.getDaysPastDue()).thenReturn(4);
      when(loans.loan(loanNumber)).thenReturn(Optional.of(new LoanWithSchedule(loan, List.of())));
    }
    when(cases.findByProcessInstanceId(any())).thenReturn(Optional.empty());
    when(cases.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
    when(cases.save(any())).thenAnswer(call -> call.getArgument(0));
    when(entities.contains(any())).thenReturn(true);
    service = new CollectionService(cases, mock(CollectionActionRepository.class), loans,
        mock(BehaviourScoreService.class), mock(StageTimeline.class), mock(ContactPolicy.class),
        mock(BureauReporting.class), mock(CollectionNotices.class), mock(CollectionHolds.class),
        mock(HardshipService.class), mock(CustomerRepository.class),
        new CollectionProperties(Map.of(), LocalTime.of(9, 0), Duration.ofDays(2), 3, 14, 2, Duration.ofDays(1),
            "zh-CN"),
        Clock.fixed(Instant.parse("2027-03-02T01:00:00Z"), ZoneOffset.UTC), entities);
  }

  @Test
  void aFirstPlanReadsItsLoanOnceAndOtherLoansAsUsual() {
    service.firstPlan(LOAN, () -> {
      service.open(LOAN, "process-1", "STANDARD");
      service.open(LOAN, "process-2", "STANDARD");
      service.open(LOAN, "process-3", "GENTLE");
      service.open(OTHER, "process-4", "GENTLE");
      service.open(OTHER, "process-5", "GENTLE");
    });
    verify(loans, times(1)).loan(LOAN);
    verify(loans, times(2)).loan(OTHER);
    // the first plan's case is inserted with the caller's flush; another loan's case at once, as outside
    verify(cases, times(3)).save(any());
    verify(cases, times(2)).saveAndFlush(any());
  }

  @Test
  void aFirstPlanKeepsTheCaseItOpenedWhileThePersistenceContextHoldsIt() {
    service.firstPlan(LOAN, () -> {
      CollectionCase opened = service.open(LOAN, "process-1", "STANDARD");
      assertThat(service.caseOf("process-1")).isSameAs(opened);
      assertThat(service.caseOf("process-1")).isSameAs(opened);
      verify(cases, never()).findByProcessInstanceId(any());
      // cleared from the persistence context (a bulk update that clears it): read again
      when(entities.contains(opened)).thenReturn(false);
      when(cases.findByProcessInstanceId("process-1")).thenReturn(Optional.of(opened));
      assertThat(service.caseOf("process-1")).isSameAs(opened);
      verify(cases).findByProcessInstanceId("process-1");
    });
    service.caseOf("process-1");
    verify(cases, times(2)).findByProcessInstanceId("process-1");
  }

  @Test
  void outsideAFirstPlanEveryStepReadsTheLedger() {
    service.firstPlan(LOAN, () -> service.open(LOAN, "process-1", "STANDARD"));
    service.open(LOAN, "process-2", "STANDARD");
    service.open(LOAN, "process-3", "STANDARD");
    verify(loans, times(3)).loan(LOAN);
  }

  @Test
  void aFailedFirstPlanLeavesNothingBehind() {
    assertThatThrownBy(() -> service.firstPlan(LOAN, () -> {
      service.open(LOAN, "process-1", "STANDARD");
      throw new IllegalStateException("the group fails");
    })).hasMessage("the group fails");
    service.open(LOAN, "process-2", "STANDARD");
    verify(loans, times(2)).loan(LOAN);
    assertThat(service.open(LOAN, "process-3", "GENTLE").getStrategy()).isEqualTo(CollectionStrategy.GENTLE);
  }
}
