package org.pouch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pouch.testing.TestPki.BE_IBZ;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.exchange.PayloadType;

/** Backoff, minimisation and formats as configured: checked once, with messages that name the entry. */
class DeliveryPoliciesTest {

    private final RetryPolicy policy =
            new RetryPolicy(10, Duration.ofHours(1), Duration.ofSeconds(1), 2.0, 0.2, Duration.ofSeconds(30));

    @ParameterizedTest(name = "after {0} failed attempts")
    @ValueSource(ints = {1, 2, 3, 4})
    void backoffGrowsExponentiallyWithinItsJitter(int attempts) {
        double expected = 1_000 * Math.pow(2, attempts - 1);

        long waited = policy.backoffAfter(attempts).toMillis();

        assertThat(waited).isBetween((long) (expected * 0.8) - 1, (long) (expected * 1.2) + 1);
    }

    @Test
    void backoffNeverExceedsItsCeiling() {
        assertThat(policy.backoffAfter(30)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPolicyThatCouldNeverRetryIsRefused() {
        assertThatThrownBy(() ->
                        new RetryPolicy(0, Duration.ofHours(1), Duration.ofSeconds(1), 2, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() ->
                        new RetryPolicy(3, Duration.ofHours(1), Duration.ofSeconds(5), 2, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-backoff");
    }

    @Test
    void minimisationNamesTheRecipientTheTypeAndTheFieldThatCannotBeStripped() {
        assertThatThrownBy(() -> new Minimisation(Map.of(BE_IBZ, Map.of("watchlist-hit", Set.of("subject.names")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BE-IBZ.minimise.watchlist-hit: 'subject.names'")
                .hasMessageContaining("subject.documents");
        assertThatThrownBy(() -> new Minimisation(Map.of(BE_IBZ, Map.of("watchlist-miss", Set.of("a")))))
                .hasMessageContaining("no message type watchlist-miss");
    }

    @Test
    void minimisationGivesEachRecipientItsOwnFields() {
        Minimisation minimisation =
                new Minimisation(Map.of(BE_IBZ, Map.of("watchlist-hit", Set.of("subject.documents"))));

        assertThat(minimisation.forRecipient(BE_IBZ, "watchlist-hit")).containsExactly("subject.documents");
        assertThat(minimisation.forRecipient(BE_IBZ, "training-schedule")).isEmpty();
        assertThat(minimisation.forRecipient(org.pouch.testing.TestPki.PK_FIA, "watchlist-hit"))
                .isEmpty();
    }

    @Test
    void anEndpointFormatIsJsonXmlOrCsv() {
        assertThat(RecipientFormats.of("xml")).isEqualTo(PayloadType.XML);
        assertThatThrownBy(() -> RecipientFormats.of("edifact")).hasMessageContaining("'edifact'");
    }
}
