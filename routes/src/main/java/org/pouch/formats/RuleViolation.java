package org.pouch.formats;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/**
 * One broken business rule: where ({@code $.pilgrims[2].passport.expiry}) and which rule
 * ({@code passport-valid-past-departure}). Never the value itself: the detail of a rejection goes to the
 * gateway's log, which must not hold payload plaintext.
 *
 * @param field the JSON path of the field in the canonical JSON form
 * @param rule the rule's stable name, lower-case words joined by hyphens
 */
public record RuleViolation(String field, String rule) {

    private static final Pattern RULE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public RuleViolation {
        Objects.requireNonNull(field, "field");
        if (rule == null || !RULE.matcher(rule).matches()) {
            throw new IllegalArgumentException("rule names are lower-case words joined by hyphens");
        }
    }

    @Override
    public String toString() {
        return field + ": " + rule;
    }

    /**
     * Throws one {@link RejectionReason#BUSINESS_RULE_VIOLATED} naming the first violation and counting the
     * rest, when there are any.
     */
    public static void rejectIfAny(List<RuleViolation> violations) {
        rejectIfAny(violations, violations.size());
    }

    /**
     * As {@link #rejectIfAny(List)} for a document too large to list every violation of: {@code first}
     * are the first of {@code total} violations found.
     */
    public static void rejectIfAny(List<RuleViolation> first, long total) {
        if (total == 0) {
            return;
        }
        String detail = first.get(0).toString();
        if (total > 1) {
            detail += " (and " + (total - 1) + " more: " + first.subList(1, first.size())
                    + (total > first.size() ? ", …" : "") + ")";
        }
        throw new RejectedException(RejectionReason.BUSINESS_RULE_VIOLATED, detail);
    }
}
