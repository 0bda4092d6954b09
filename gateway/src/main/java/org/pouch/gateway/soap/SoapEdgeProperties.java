package org.pouch.gateway.soap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the SOAP edge, under {@code pouch.soap}.
 *
 * @param maxEnvelopeSize the largest sealed envelope a submission may carry, inline or as an MTOM
 *     attachment; a larger one is refused as {@code too-large}, and a request that cannot hold an envelope
 *     of at most this size is cut off while it is being read
 */
@ConfigurationProperties("pouch.soap")
public record SoapEdgeProperties(@DefaultValue("64MB") DataSize maxEnvelopeSize) {

    /** The parser's text limits are ints and the inline form is a third larger; 1 GiB keeps both in range. */
    private static final DataSize CEILING = DataSize.ofGigabytes(1);

    public SoapEdgeProperties {
        if (maxEnvelopeSize.toBytes() <= 0 || maxEnvelopeSize.compareTo(CEILING) > 0) {
            throw new IllegalArgumentException(
                    "pouch.soap.max-envelope-size must be more than 0 and at most 1GB, not " + maxEnvelopeSize);
        }
    }
}
