package org.pouch.gateway.soap;

import org.pouch.gateway.PouchProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the SOAP edge, under {@code pouch.soap}.
 *
 * @param maxEnvelopeSize the largest sealed envelope a submission may carry, inline or as an MTOM
 *     attachment; a larger one is refused as {@code too-large}, and a request that cannot hold an envelope
 *     of at most this size is cut off while it is being read. Unset, it is {@code pouch.max-envelope-size}:
 *     one limit for both edges unless an operator wants the SOAP edge tighter
 */
@ConfigurationProperties("pouch.soap")
public record SoapEdgeProperties(DataSize maxEnvelopeSize) {

    /** The parser's text limits are ints and the inline form is a third larger; 1 GiB keeps both in range. */
    private static final DataSize CEILING = DataSize.ofGigabytes(1);

    public SoapEdgeProperties {
        if (maxEnvelopeSize != null && (maxEnvelopeSize.toBytes() <= 0 || maxEnvelopeSize.compareTo(CEILING) > 0)) {
            throw new IllegalArgumentException(
                    "pouch.soap.max-envelope-size must be more than 0 and at most 1GB, not " + maxEnvelopeSize);
        }
    }

    /** The SOAP edge's envelope limit: its own if set, else the gateway's, within the ceiling. */
    long maxEnvelopeBytes(PouchProperties pouch) {
        DataSize limit = maxEnvelopeSize != null ? maxEnvelopeSize : pouch.maxEnvelopeSize();
        return Math.min(limit.toBytes(), CEILING.toBytes());
    }
}
