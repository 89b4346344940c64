package io.creditflow.inspection;

import java.time.Instant;

/** A loan drawn into an inspection's sample, in drawing order, with who inspected it. */
public record SampledLoan(String loanNumber, String riskGrade, int drawOrder, String inspectedBy,
    Instant inspectedAt) {}
