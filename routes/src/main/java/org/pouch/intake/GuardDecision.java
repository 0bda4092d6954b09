package org.pouch.intake;

/** What the guard decided about an opened submission that passed every check. */
sealed interface GuardDecision {

    /** A message the gateway has not seen: accept it. */
    record Fresh(OpenedSubmission submission) implements GuardDecision {}

    /** The very envelope of an exchange already accepted: answer with its receipt again. */
    record Repeat(OpenedSubmission submission, AcceptedExchange original) implements GuardDecision {}
}
