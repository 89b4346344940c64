package io.creditflow.bureau;

/**
 * What the lender reports to the credit bureau about a loan (a Metro 2-like account status; the mapping to the
 * status codes lives with the reporting service).
 */
public enum BureauReportKind { DPD_30, DPD_60, DPD_90, CURED, SETTLED, CHARGED_OFF, CORRECTION }
