package io.creditflow.collection;

import io.creditflow.common.CreditFlowProperties;
import io.creditflow.contact.CallOutcome;
import io.creditflow.contact.ContactDecision;
import io.creditflow.contact.ContactPolicy;
import io.creditflow.contact.ContactRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEMPORARY STUB — delete this file when the real {@link ContactPolicy} ("Contact:" commits, package contact)
 * lands. It only lets collection run meanwhile: in memory, not cluster-safe, nothing persisted. It applies quiet
 * hours 21:00-08:00 in the business zone and holds; nothing else (no caps, no cease-contact, no history).
 */
@Configuration(proxyBeanMethods = false)
class TemporaryStubs {

  @Bean
  ContactPolicy temporaryContactPolicy(CreditFlowProperties properties) {
    return new ContactPolicy() {
      private final Map<String, Set<String>> holds = new ConcurrentHashMap<>();

      @Override
      public ContactDecision decide(ContactRequest request) {
        String id = UUID.randomUUID().toString();
        if (onHold(request.loanNumber())) {
          return new ContactDecision(id, false, null, "ON_HOLD");
        }
        ZonedDateTime local = request.at().atZone(properties.timeZone());
        LocalTime time = local.toLocalTime();
        if (time.isBefore(LocalTime.of(8, 0)) || !time.isBefore(LocalTime.of(21, 0))) {
          LocalDate day = time.isBefore(LocalTime.of(8, 0)) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
          return new ContactDecision(id, false, day.atTime(8, 0).atZone(properties.timeZone()).toInstant(),
              "QUIET_HOURS");
        }
        return new ContactDecision(id, true, null, "ALLOWED");
      }

      @Override
      public void recordCall(String loanNumber, String decisionId, CallOutcome outcome, String phoneRef, String actor,
          Instant at) {
        // nothing: no caps in the stub
      }

      @Override
      public void hold(String loanNumber, String source, String reason, Instant at) {
        holds.computeIfAbsent(loanNumber, loan -> ConcurrentHashMap.newKeySet()).add(source);
      }

      @Override
      public boolean release(String loanNumber, String source, Instant at) {
        Set<String> sources = holds.get(loanNumber);
        if (sources != null) {
          sources.remove(source);
        }
        return !onHold(loanNumber);
      }

      @Override
      public boolean onHold(String loanNumber) {
        Set<String> sources = holds.get(loanNumber);
        return sources != null && !sources.isEmpty();
      }
    };
  }
}
