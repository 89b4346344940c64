package io.creditflow.notification;

/** How a notification reaches the customer. The address behind it is looked up when sending, never stored here. */
public enum NotificationChannel { SMS, EMAIL, APP_PUSH, LETTER }
