package io.creditflow.identity;

/** Start-up refused: no demo users and no first administrator given. */
public class MissingAdminCredentialsException extends IllegalStateException {

  public MissingAdminCredentialsException() {
    super("No administrator credentials: CREDITFLOW_ADMIN_USER and CREDITFLOW_ADMIN_PASSWORD must be set when demo "
        + "users are off (profile 'mysql' or creditflow.demo.enabled=false).");
  }
}
