package io.creditflow.bureau;

/**
 * The bureau could not be asked or gave no usable answer (time-out, connection refused, 5xx, rejected credentials,
 * malformed body). Unchecked, so that it fails the job and Camunda retries. The message never contains the national
 * id: Camunda stores it with the incident.
 */
public class BureauUnavailableException extends RuntimeException {

  public BureauUnavailableException(String message) {
    super(message);
  }

  public BureauUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
