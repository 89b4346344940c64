package io.creditflow.origination;

/** A promotion granted with an offer (from the {@code promotions} decision). */
public record Promotion(String code, int rateDiscountBps, int interestFreeMonths, String couponCode,
    String description) {}
