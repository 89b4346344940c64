package io.creditflow.servicing;

/** Risk grade given at approval, A (best) to E (worst). */
public enum RiskGrade {
  A, B, C, D, E
}
