package io.creditflow.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the channels do, as a real client does it: submit applications (idempotent by external reference), accept
 * offers, post payments (idempotent by payment reference). A request a node never answered, or answered with a 5xx,
 * is kept and sent again later with the same reference and body ({@link #retryUnanswered()}), the way a payment
 * gateway or the mobile app retries. Any other unexpected answer is recorded in {@link #errors()}.
 *
 * <p>Requests go round-robin to the nodes in {@link #targets(List)} (a load balancer; after a node dies it is taken
 * out).
 */
final class Workload {

  /** Sandbox personas (README, "Sandbox personas") and where each application must end. */
  enum Persona {
    /** Approved automatically, offered, accepted by the client, disbursed. */
    PRIME("SANDBOX-PRIME-"),
    /** Referred: waits for a credit officer (task Task_ReviewApplication), which no one works on in these tests. */
    NEAR_PRIME("SANDBOX-NEAR-PRIME-"),
    /** Declined (KO_BANKRUPTCY). */
    BANKRUPT("SANDBOX-BANKRUPT-");

    final String nationalIdPrefix;

    Persona(String nationalIdPrefix) {
      this.nationalIdPrefix = nationalIdPrefix;
    }
  }

  static final class Application {
    final String reference;
    final Persona persona;
    final String body;
    volatile String id;
    volatile String status;
    volatile boolean acceptanceAnswered;

    Application(String reference, Persona persona, String body) {
      this.reference = reference;
      this.persona = persona;
      this.body = body;
    }
  }

  record Payment(String reference, String loanNumber, BigDecimal amount, LocalDate valueDate) {
    String body() {
      return Api.json(Map.of("paymentReference", reference, "amount", amount, "valueDate", valueDate.toString(),
          "channel", "PAYMENT_GATEWAY"));
    }
  }

  private final String run;
  private final Supplier<LocalDate> today;
  private volatile List<Api> targets;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, Application> applications = new ConcurrentHashMap<>();
  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  /** Payment references that got a 2xx. */
  private final Map<String, Integer> acceptedPayments = new ConcurrentHashMap<>();
  private final Queue<Runnable> unanswered = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unansweredCount = new AtomicInteger();
  private final Queue<String> errors = new ConcurrentLinkedQueue<>();

  Workload(String run, Supplier<LocalDate> today, List<Api> targets) {
    this.run = run;
    this.today = today;
    this.targets = List.copyOf(targets);
  }

  void targets(List<Api> nodes) {
    this.targets = List.copyOf(nodes);
  }

  private Api target() {
    List<Api> nodes = targets;
    return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
  }

  // ---- applications -------------------------------------------------------------------------------------------

  Application submit(Persona persona) {
    int n = sequence.incrementAndGet();
    String reference = "RES-" + run + "-APP-" + n;
    String body = Api.json(Map.of(
        "externalReference", reference,
        "channel", n % 2 == 0 ? "MOBILE_APP" : "WEB",
        "applicant", Map.of(
            "nationalId", persona.nationalIdPrefix + run + "N" + n, // no dash: SANDBOX-<KIND>-<anything>
            "fullName", "Resilience Applicant " + n,
            "dateOfBirth", "1990-04-12",
            "mobile", "+86138" + String.format("%08d", n),
            "email", "applicant" + n + "@example.com",
            "monthlyIncome", new BigDecimal("18000.00"),
            "employmentMonths", 48,
            "monthlyDebtPayments", new BigDecimal("1500.00"),
            "dependants", 1),
        "requestedAmount", new BigDecimal("50000.00"),
        "termMonths", 24,
        "purpose", "HOME_RENOVATION"));
    Application application = new Application(reference, persona, body);
    applications.put(reference, application);
    sendSubmission(application);
    return application;
  }

  private void sendSubmission(Application application) {
    attempt(() -> {
      Api.Answer answer = target().post("/api/applications", application.body);
      if (answer.status() == 202 || answer.status() == 200) {
        application.id = answer.json().path("applicationId").asText();
        return true;
      }
      return unexpected("submit " + application.reference, answer);
    }, () -> sendSubmission(application));
  }

  /** Reads every application not yet settled and accepts the offers that wait for an answer. */
  void acceptOffers() {
    for (Application application : applications.values()) {
      if (application.id == null || isFinal(application.status)) {
        continue;
      }
      attempt(() -> {
        Api.Answer answer = target().get("/api/applications/" + application.id);
        if (!answer.ok()) {
          return unexpected("read " + application.reference, answer);
        }
        application.status = answer.json().path("status").asText();
        if ("OFFERED".equals(application.status) && application.persona == Persona.PRIME) {
          Api.Answer accepted = target().post("/api/applications/" + application.id + "/acceptance",
              "{\"accepted\": true}");
          if (!accepted.ok()) {
            return unexpected("accept " + application.reference, accepted);
          }
          application.acceptanceAnswered = true;
          application.status = accepted.json().path("status").asText();
        }
        return true;
      }, () -> { });
    }
  }

  /** Waits until every application is where its persona must end, accepting offers meanwhile. */
  void awaitApplicationsSettled(Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      acceptOffers();
      List<String> open = applications.values().stream().filter(a -> !settled(a))
          .map(a -> a.reference + " " + a.persona + " " + a.status).toList();
      if (open.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Applications not settled within " + limit + ": " + open);
      }
      AppNode.sleep(Duration.ofSeconds(1));
    }
  }

  private static boolean settled(Application application) {
    return switch (application.persona) {
      case PRIME -> "DISBURSED".equals(application.status);
      case NEAR_PRIME -> "UNDER_REVIEW".equals(application.status);
      case BANKRUPT -> "DECLINED".equals(application.status);
    };
  }

  private static boolean isFinal(String status) {
    return "DISBURSED".equals(status) || "DECLINED".equals(status) || "EXPIRED".equals(status)
        || "CANCELLED".equals(status);
  }

  /** The loan numbers of the disbursed applications. */
  List<String> loanNumbers() {
    List<String> loans = new ArrayList<>();
    for (Application application : applications.values()) {
      if ("DISBURSED".equals(application.status)) {
        Api.Answer answer = target().get("/api/applications/" + application.id);
        loans.add(answer.json().path("loanNumber").asText());
      }
    }
    return loans;
  }

  Collection<Application> applications() {
    return applications.values();
  }

  // ---- payments -----------------------------------------------------------------------------------------------

  Payment pay(String loanNumber, BigDecimal amount) {
    Payment payment = new Payment("RES-" + run + "-PAY-" + sequence.incrementAndGet(), loanNumber, amount,
        today.get());
    payments.put(payment.reference(), payment);
    sendPayment(payment);
    return payment;
  }

  /**
   * The same payment sent to every node at once, as a gateway that retries on another node before the first answer
   * came: both must answer it, and it must be booked once.
   */
  Payment payOnEveryNode(String loanNumber, BigDecimal amount) {
    Payment payment = new Payment("RES-" + run + "-PAY-" + sequence.incrementAndGet(), loanNumber, amount,
        today.get());
    payments.put(payment.reference(), payment);
    List<Thread> senders = targets.stream().map(node -> new Thread(() -> sendPayment(payment, node))).toList();
    senders.forEach(Thread::start);
    for (Thread sender : senders) {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return payment;
  }

  private void sendPayment(Payment payment) {
    sendPayment(payment, null);
  }

  private void sendPayment(Payment payment, Api node) {
    attempt(() -> {
      Api.Answer answer = (node == null ? target() : node).post("/api/loans/" + payment.loanNumber() + "/payments", payment.body());
      if (answer.status() == 201 || answer.status() == 200) {
        JsonNode body = answer.json();
        if (body.path("paymentReference").isTextual()
            && !payment.reference().equals(body.path("paymentReference").asText())) {
          return unexpected("payment " + payment.reference() + " answered another payment", answer);
        }
        acceptedPayments.merge(payment.reference(), answer.status(), (a, b) -> a);
        return true;
      }
      return unexpected("payment " + payment.reference(), answer);
    }, () -> sendPayment(payment));
  }

  Collection<Payment> payments() {
    return payments.values();
  }

  Map<String, Integer> acceptedPayments() {
    return acceptedPayments;
  }

  // ---- retries ------------------------------------------------------------------------------------------------

  /**
   * Runs {@code request}; when the node gives no answer, or a 5xx, keeps {@code retry} for {@link #retryUnanswered}.
   */
  private void attempt(java.util.function.BooleanSupplier request, Runnable retry) {
    try {
      request.getAsBoolean();
    } catch (Api.Unanswered | ServerError e) {
      unansweredCount.incrementAndGet();
      unanswered.add(retry);
    }
  }

  /** Thrown for a 5xx: the client retries it like an unanswered request. */
  private static final class ServerError extends RuntimeException {
    ServerError(String message) {
      super(message);
    }
  }

  private boolean unexpected(String what, Api.Answer answer) {
    if (answer.status() >= 500) {
      throw new ServerError(what + " answered " + answer.status());
    }
    errors.add(what + " answered " + answer.status() + ": " + answer.body());
    return false;
  }

  /** Sends every unanswered request again, until each is answered (or {@code limit} passes). */
  void retryUnanswered(Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (!unanswered.isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(unanswered.size() + " requests still unanswered after " + limit);
      }
      int batch = unanswered.size();
      for (int i = 0; i < batch; i++) {
        Runnable retry = unanswered.poll();
        if (retry != null) {
          retry.run();
        }
      }
      if (!unanswered.isEmpty()) {
        AppNode.sleep(Duration.ofMillis(500));
      }
    }
  }

  /** How many requests went unanswered (or got a 5xx) so far, retried or not. */
  int unansweredSoFar() {
    return unansweredCount.get();
  }

  List<String> errors() {
    return List.copyOf(errors);
  }
}
