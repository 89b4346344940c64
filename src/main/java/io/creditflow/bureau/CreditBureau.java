package io.creditflow.bureau;

/**
 * The credit bureau. Called from an asynchronous service task: a technical fault throws
 * {@link BureauUnavailableException}, so that Camunda retries with back-off and finally raises an incident.
 * "No history" is not a fault: it is a {@linkplain BureauReport#thinFile() thin-file} report.
 */
public interface CreditBureau {

  /**
   * The bureau's report on the person with this national id.
   *
   * @throws BureauUnavailableException the bureau could not be asked or gave no usable answer
   */
  BureauReport fetch(String nationalId);
}
