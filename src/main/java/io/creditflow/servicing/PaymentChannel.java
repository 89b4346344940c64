package io.creditflow.servicing;

/** How a payment reached us. */
public enum PaymentChannel {
  BANK_TRANSFER,
  PAYMENT_GATEWAY,
  APP,
  BRANCH,
  DIRECT_DEBIT
}
