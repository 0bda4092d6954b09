package org.pouch.intake;

/** How a submission reached the gateway. */
public enum Channel {
    REST,
    SOAP
}
