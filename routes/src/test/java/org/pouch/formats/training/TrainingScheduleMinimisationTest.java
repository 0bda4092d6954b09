package org.pouch.formats.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A training schedule has no optional field worth holding back: instructors and units are required. */
class TrainingScheduleMinimisationTest {

    @Test
    void noFieldCanBeStrippedAndAskingToIsRefused() {
        TrainingSchedule valid = TrainingScheduleFixtures.valid();

        assertThat(TrainingScheduleFixtures.TYPE.strippableFields()).isEmpty();
        assertThat(TrainingScheduleFixtures.TYPE.minimise(valid, Set.of())).isSameAs(valid);
        assertThatThrownBy(() -> TrainingScheduleFixtures.TYPE.minimise(valid, Set.of("sessions[*].instructors")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessions[*].instructors");
    }
}
