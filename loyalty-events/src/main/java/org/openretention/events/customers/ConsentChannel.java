package org.openretention.events.customers;

/** Channels a customer can consent to receive marketing on. */
public enum ConsentChannel {
    EMAIL, SMS, PUSH, APP_INBOX
}
