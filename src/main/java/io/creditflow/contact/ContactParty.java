package io.creditflow.contact;

/** Whom a contact is addressed to. The policy only ever allows the borrower. */
public enum ContactParty { BORROWER, THIRD_PARTY }
