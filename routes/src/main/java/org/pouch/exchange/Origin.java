package org.pouch.exchange;

import java.util.Objects;

/**
 * Where a document a gateway delivers came from: the participant that sent it to the gateway and its
 * message id there. The delivering gateway signs the delivered document and names itself as its sender,
 * so the original sender and message id travel here, inside the gateway's signature.
 *
 * @param from the participant whose signed envelope the gateway accepted
 * @param messageId that participant's message id
 */
public record Origin(ParticipantId from, String messageId) {

    public Origin {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messageId, "messageId");
    }
}
