package org.stormdesk.notify.internal;

/** A channel did not take a message: its answer, or what went wrong on the way (kept as the delivery's last error). */
class DeliveryFailure extends Exception {

    DeliveryFailure(String message) {
        super(message);
    }

    DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
