package io.creditflow.servicing;

/**
 * The outcome of {@link PaymentService#post}.
 *
 * @param payment the booked payment
 * @param created false when the same payment had been booked before and this call booked nothing
 */
public record PaymentResult(PaymentView payment, boolean created) {}
