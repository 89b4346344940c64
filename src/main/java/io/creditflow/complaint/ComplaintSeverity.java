package io.creditflow.complaint;

/** How serious the complaint is, as the intake judges it (triage input). */
public enum ComplaintSeverity { LOW, MEDIUM, HIGH }
