package io.creditflow.origination;

/** Where an application came from. */
public enum Channel { MOBILE_APP, WEB, BRANCH, PARTNER }
