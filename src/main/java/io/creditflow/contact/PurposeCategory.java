package io.creditflow.contact;

/**
 * What kind of contact a purpose is (DMN {@code contactPurpose}): collection contact, ordinary servicing, or a notice
 * the lender must give (regulatory), which still goes on hold and after a cease-contact request.
 */
public enum PurposeCategory { COLLECTION, SERVICING, REGULATORY }
