package org.pouch.gateway.overstay;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.ParticipantId;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.pouch.overstay.Overstay;
import org.pouch.overstay.OverstayRule;
import org.pouch.overstay.RecordedMovement;
import org.springframework.stereotype.Component;

/**
 * Answers "who has overstayed" for the participant that sent the lists, from the overstay records, and
 * audits every question: who asked, with which filters and how many answers, never whom about.
 */
@Component
class OverstayAnswers {

    static final String QUERY_STEP = "overstay.query";

    private final JdbcOverstayRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    OverstayAnswers(JdbcOverstayRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today at the gateway (UTC): the date asked about when the caller names none. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A page of the overstays among the lists {@code home} sent, in order of list, then surname. */
    OverstayPage answer(ParticipantId home, LocalDate asOf, Optional<String> group, int page, int size) {
        List<Overstay> all = new ArrayList<>();
        for (ListedGroup list : records.listsDueBefore(home, asOf, group)) {
            List<RecordedMovement> movements = records.movementsOf(list, asOf);
            for (ListedPilgrim pilgrim : list.pilgrims()) {
                OverstayRule.of(list, pilgrim, movements, asOf).ifPresent(all::add);
            }
        }
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        OverstayPage answer = new OverstayPage(
                asOf.toString(),
                group.orElse(null),
                page,
                size,
                all.size(),
                all.subList(from, to).stream().map(OverstayPage.Item::of).toList());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("asOf", asOf.toString());
        group.ifPresent(reference -> details.put("group", reference));
        details.put("page", Integer.toString(page));
        details.put("size", Integer.toString(size));
        details.put("total", Integer.toString(all.size()));
        audit(home.value(), Optional.empty(), details);
        return answer;
    }

    /** Audits a question the gateway refused to answer, under the incident id the caller is given. */
    void auditRefused(String actor, String incidentId, String problem, String parameter) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("refused", problem);
        if (parameter != null) {
            details.put("parameter", parameter);
        }
        audit(actor, Optional.of(incidentId), details);
    }

    private void audit(String actor, Optional<String> incidentId, Map<String, String> details) {
        audit.append(new AuditEvent(
                clock.instant(),
                AuditEventType.ADMIN_ACTION,
                QUERY_STEP,
                actor,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                incidentId,
                details));
    }
}
