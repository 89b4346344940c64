package io.creditflow.notification;

/** Where a stored letter stands: waiting for the print shop, or printed (and posted). */
public enum LetterStatus { TO_PRINT, PRINTED }
