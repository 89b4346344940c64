package io.creditflow.origination;

/** An explanation of a credit decision: a stable code for systems and a sentence for the customer and staff. */
public record ReasonCode(String code, String text) {}
