package org.pouch.gateway.audittrail;

import java.time.Instant;
import java.util.Optional;
import org.pouch.audit.AuditEventType;

/**
 * What an auditor searches the log for; every criterion given must hold.
 *
 * @param since entries at or after this time
 * @param until entries before this time
 * @param participant a participant id that is the entry's sender, recipient or actor
 * @param status the exchange's status in the ledger now
 */
record AuditQuery(
        Optional<Instant> since,
        Optional<Instant> until,
        Optional<String> participant,
        Optional<AuditEventType> type,
        Optional<String> status,
        Optional<String> exchangeId) {}
