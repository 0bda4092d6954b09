package org.pouch.intake;

import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.OpenedMessage;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * Step {@code intake.open}: decrypt, verify and bind the signer to the header's sender (the envelope
 * does that), then bind the signer to the TLS client, so that one participant's system cannot submit
 * another participant's signed envelopes.
 */
final class OpenStep {

    private final EnvelopeOpener opener;

    OpenStep(EnvelopeOpener opener) {
        this.opener = opener;
    }

    OpenedSubmission open(ReceivedSubmission received) {
        if (received.client().isEmpty()) {
            throw new RejectedException(
                    RejectionReason.CLIENT_NOT_SIGNER, "the TLS client certificate belongs to no participant");
        }
        OpenedMessage message = opener.open(received.submission().envelope());
        if (!message.signer().equals(received.client().get())) {
            message.close();
            throw new RejectedException(
                    RejectionReason.CLIENT_NOT_SIGNER,
                    "TLS client " + received.client().get() + " submitted an envelope signed by " + message.signer());
        }
        return new OpenedSubmission(received, message);
    }
}
