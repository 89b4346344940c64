package io.creditflow.review;

/** What a periodic review proposes for a credit line's limit (output {@code action} of DMN {@code limitReview}). */
public enum LimitAction { INCREASE, KEEP, DECREASE, FREEZE }
