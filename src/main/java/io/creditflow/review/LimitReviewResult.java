package io.creditflow.review;

import java.math.BigDecimal;

/** The outputs of DMN {@code limitReview}. */
public record LimitReviewResult(LimitAction action, BigDecimal limitFactor, String reasonCode, String reasonText) {}
