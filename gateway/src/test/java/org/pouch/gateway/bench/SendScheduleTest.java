package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendScheduleTest {

    @Test
    void aFixedRateSpacesSubmissionsEvenlyFromTheStartWhateverTheTimeNow() {
        SendSchedule fiveHundredPerSecond = SendSchedule.fixedRate(500);

        assertThat(fiveHundredPerSecond.intendedNanos(1_000, 0, 99_999_999)).isEqualTo(1_000);
        assertThat(fiveHundredPerSecond.intendedNanos(1_000, 1, 0)).isEqualTo(1_000 + 2_000_000);
        assertThat(fiveHundredPerSecond.intendedNanos(1_000, 500, 5)).isEqualTo(1_000 + 1_000_000_000);
        assertThat(fiveHundredPerSecond.paced()).isTrue();
    }

    @Test
    void aFractionalRateDoesNotDriftOverManyMessages() {
        SendSchedule threePerSecond = SendSchedule.fixedRate(3);

        assertThat(threePerSecond.intendedNanos(0, 3_000_000, 0)).isEqualTo(1_000_000L * 1_000_000_000L);
    }

    @Test
    void aClosedLoopSendsWhenAConnectionIsFree() {
        SendSchedule closed = SendSchedule.closedLoop();

        assertThat(closed.intendedNanos(0, 42, 123_456)).isEqualTo(123_456);
        assertThat(closed.paced()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {0, -1, Double.NaN})
    void aRateMustBePositive(double rate) {
        assertThatThrownBy(() -> SendSchedule.fixedRate(rate)).isInstanceOf(IllegalArgumentException.class);
    }
}
