package io.creditflow.complaint;

/** How the complaint reached us. */
public enum ComplaintChannel { PHONE, EMAIL, WEB, MOBILE_APP, BRANCH, LETTER, REGULATOR }
