package io.creditflow.bureau;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A credit bureau without a bureau ({@code creditflow.bureau.mode=sandbox}, the default): fixed personas from
 * {@code bureau/sandbox-personas.json}, read once at start, so that testers and demos get every kind of applicant on
 * demand. The persona's id is the national id to submit (e.g. {@code SANDBOX-PRIME-0001}); its report reference is
 * {@code SBX-} plus the id without {@code SANDBOX-}.
 *
 * <p>Any number of further customers of a kind: {@code SANDBOX-<KIND>-<anything>} that is not a persona itself
 * behaves like {@code SANDBOX-<KIND>-0001} (e.g. {@code SANDBOX-NEAR-PRIME-7F3A} like {@code SANDBOX-NEAR-PRIME-0001},
 * reference {@code SBX-NEAR-PRIME-7F3A}), so tests can submit distinct national ids with known facts.
 * {@code SANDBOX-UNAVAILABLE-...} always throws {@link BureauUnavailableException} (retries, then an incident).
 *
 * <p>Any other id gets a thin file with a random reference {@code SBX-THIN-...}: nothing derived from the id (a hash
 * of a national id can be reversed by trying them all), should a real id ever reach the sandbox.
 */
public class SandboxCreditBureau implements CreditBureau {

  /** Where the personas live on the classpath. */
  public static final String PERSONAS = "bureau/sandbox-personas.json";

  private static final String PREFIX = "SANDBOX-";
  private static final String REFERENCE_PREFIX = "SBX-";

  /** One entry of the personas file; {@code unavailable} personas carry no facts. */
  record Persona(
      String nationalId,
      String description,
      boolean unavailable,
      Integer bureauScore,
      Integer monthsOnFile,
      Integer openAccounts,
      Integer delinquencies12m,
      Integer maxDaysPastDue24m,
      Boolean bankruptcy,
      Boolean fraudAlert,
      BigDecimal reportedMonthlyDebt) {

    BureauReport report(String reference, Instant retrievedAt) {
      return new BureauReport(reference, bureauScore, false, monthsOnFile, openAccounts, delinquencies12m,
          maxDaysPastDue24m, bankruptcy, fraudAlert, reportedMonthlyDebt, retrievedAt);
    }
  }

  private record PersonaFile(String _comment, List<Persona> personas) {}

  private final Map<String, Persona> personas;
  private final Clock clock;

  /** Reads the personas from the classpath. */
  public SandboxCreditBureau(Clock clock) {
    this(new ClassPathResource(PERSONAS), clock);
  }

  SandboxCreditBureau(Resource personaFile, Clock clock) {
    this.personas = load(personaFile);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public BureauReport fetch(String nationalId) {
    if (nationalId == null || nationalId.isBlank()) {
      throw new IllegalArgumentException("nationalId is required");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String id = normalise(nationalId);
    Persona persona = personas.containsKey(id) ? personas.get(id) : kindOf(id);
    if (persona == null) {
      return BureauReport.thinFile(REFERENCE_PREFIX + "THIN-" + randomSuffix(), now);
    }
    // only SANDBOX-... ids get here: synthetic, so the reference may show them
    String reference = REFERENCE_PREFIX + id.substring(PREFIX.length());
    if (persona.unavailable()) {
      throw new BureauUnavailableException("Sandbox credit bureau: " + reference
          + " simulates a bureau that cannot be reached");
    }
    return persona.report(reference, now);
  }

  /** {@code SANDBOX-<KIND>-<anything>} → the persona {@code SANDBOX-<KIND>-0001}, if there is one. */
  private Persona kindOf(String id) {
    int lastDash = id.lastIndexOf('-');
    if (!id.startsWith(PREFIX) || lastDash <= PREFIX.length() || lastDash == id.length() - 1) {
      return null;
    }
    return personas.get(id.substring(0, lastDash) + "-0001");
  }

  /** The personas by id, in file order (for documentation and tests). */
  public Map<String, String> personaDescriptions() {
    Map<String, String> descriptions = new LinkedHashMap<>();
    personas.values().forEach(persona -> descriptions.put(persona.nationalId(), persona.description()));
    return Collections.unmodifiableMap(descriptions);
  }

  private static Map<String, Persona> load(Resource resource) {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
    PersonaFile file;
    try (InputStream in = resource.getInputStream()) {
      file = mapper.readValue(in, PersonaFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sandbox credit bureau personas " + resource, e);
    }
    Map<String, Persona> byId = new LinkedHashMap<>();
    for (Persona persona : file.personas()) {
      String id = persona.nationalId();
      if (id == null || !id.equals(normalise(id)) || !id.startsWith(PREFIX)) {
        throw new IllegalStateException("Sandbox persona ids are upper case and start with " + PREFIX + ": " + id);
      }
      if (!persona.unavailable()) {
        persona.report(id, Instant.EPOCH); // every fact present and in range, or start-up fails here
      }
      if (byId.put(id, persona) != null) {
        throw new IllegalStateException("Duplicate sandbox persona " + id);
      }
    }
    return Collections.unmodifiableMap(byId);
  }

  private static String normalise(String nationalId) {
    return nationalId.strip().toUpperCase(Locale.ROOT);
  }

  private static String randomSuffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
  }
}
