package org.pouch.partners;

import java.net.URI;
import java.util.Objects;

/**
 * How the gateway reaches a participant's system to deliver to it.
 *
 * @param format the payload format the participant wants, for example {@code json}, {@code xml}, {@code csv}
 */
public record Endpoint(URI url, Protocol protocol, String format) {

    /** The participant system's interface. */
    public enum Protocol {
        REST,
        SOAP
    }

    public Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(format, "format");
        if (!"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("endpoint " + url + " must be https");
        }
    }
}
