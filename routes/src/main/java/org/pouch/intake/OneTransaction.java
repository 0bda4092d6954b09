package org.pouch.intake;

/**
 * Runs the accept step's writes (the ledger row, then what the overstay answers need of the exchange) in
 * one database transaction: one commit an accepted exchange rather than two, and never a ledger row whose
 * facts a crash lost. A failure rolls back both and comes back as it was thrown.
 */
@FunctionalInterface
public interface OneTransaction {

    void run(Runnable work);

    /** For stores that have no transactions, such as the in-memory ones of the route tests. */
    static OneTransaction none() {
        return Runnable::run;
    }
}
