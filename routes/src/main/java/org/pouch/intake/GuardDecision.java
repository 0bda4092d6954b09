package org.pouch.intake;

import java.util.Optional;

/** What the guard decided about an opened submission that passed every check. */
sealed interface GuardDecision {

    /**
     * A message the gateway has not seen: accept it.
     *
     * @param message the payload's validated canonical model, for what the accept step records of it; empty
     *     when the payload was checked as a stream (a pilgrim list in JSON), whose facts are read from it
     *     again as a stream
     */
    record Fresh(OpenedSubmission submission, Optional<?> message) implements GuardDecision {}

    /** The very envelope of an exchange already accepted: answer with its receipt again. */
    record Repeat(OpenedSubmission submission, AcceptedExchange original) implements GuardDecision {}
}
