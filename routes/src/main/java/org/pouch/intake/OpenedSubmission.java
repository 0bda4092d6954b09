package org.pouch.intake;

import org.pouch.envelope.OpenedMessage;

/** A submission whose envelope opened and verified, and whose TLS client is its signer. */
record OpenedSubmission(ReceivedSubmission received, OpenedMessage message) {}
