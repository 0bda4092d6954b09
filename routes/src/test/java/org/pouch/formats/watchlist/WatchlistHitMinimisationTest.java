package org.pouch.formats.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WatchlistHitMinimisationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void strippingDocumentsAndTheNativeNameLeavesEverythingElse() {
        WatchlistHit valid = WatchlistHitFixtures.valid();

        WatchlistHit stripped = WatchlistHitMinimisation.without(
                valid, EnumSet.of(StrippableField.SUBJECT_DOCUMENTS, StrippableField.SUBJECT_NAME_NATIVE));

        assertThat(stripped.subject().documents()).isEmpty();
        assertThat(stripped.subject().nameNative()).isNull();
        assertThat(stripped.subject().names()).isEqualTo(valid.subject().names());
        assertThat(stripped.subject().aliases()).isEqualTo(valid.subject().aliases());
        assertThat(stripped.subject().dateOfBirth()).isEqualTo(valid.subject().dateOfBirth());
        assertThat(stripped.match()).isEqualTo(valid.match());
        assertThat(stripped.handling()).isEqualTo(valid.handling());
    }

    @Test
    void strippingNothingGivesAnEqualHit() {
        WatchlistHit valid = WatchlistHitFixtures.valid();
        assertThat(WatchlistHitMinimisation.without(valid, Set.of())).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StrippableField.class)
    void eachStrippableFieldIsGoneFromTheWrittenHitAndTheResultIsStillAValidHit(StrippableField field) {
        WatchlistHit valid = WatchlistHitFixtures.valid();

        WatchlistHit stripped = WatchlistHitFixtures.TYPE.minimise(valid, Set.of(field.path()));

        Payload written = WatchlistHitFixtures.TYPE.write(stripped, PayloadType.JSON);
        JsonNode tree = JSON.readTree(written.text());
        String[] steps = field.path().split("\\.");
        assertThat(tree.get(steps[0]).has(steps[1])).isFalse();
        assertThat(JSON.readTree(WatchlistHitFixtures.TYPE
                                .write(valid, PayloadType.JSON)
                                .text())
                        .get(steps[0])
                        .has(steps[1]))
                .as("the input is untouched")
                .isTrue();
        assertThat(WatchlistHitFixtures.TYPE.validate(written)).isEqualTo(stripped);
    }

    @Test
    void everyStrippableFieldIsOfferedByTheMessageType() {
        assertThat(WatchlistHitFixtures.TYPE.strippableFields())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(StrippableField.class).stream()
                        .map(StrippableField::path)
                        .toList());
    }

    @Test
    void aPathThatCannotBeStrippedIsRefusedNotIgnored() {
        WatchlistHit valid = WatchlistHitFixtures.valid();
        assertThatThrownBy(() -> WatchlistHitFixtures.TYPE.minimise(valid, Set.of("subject.document")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject.document");
        assertThatThrownBy(() -> WatchlistHitFixtures.TYPE.minimise(valid, Set.of("subject.names")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
