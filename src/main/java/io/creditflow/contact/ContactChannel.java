package io.creditflow.contact;

/** How the lender reaches a customer. Every outbound contact in one of these passes the {@link ContactPolicy}. */
public enum ContactChannel { SMS, EMAIL, APP_PUSH, LETTER, CALL, FIELD_VISIT }
