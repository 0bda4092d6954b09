package org.pouch.exchange;

import java.util.Objects;

/** What a sender signs: the header and the payload. {@link ExchangeDocumentCodec} gives its bytes. */
public record ExchangeDocument(Header header, Payload payload) {

    public ExchangeDocument {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
    }
}
