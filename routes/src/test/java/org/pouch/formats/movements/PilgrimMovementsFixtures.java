package org.pouch.formats.movements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;

/** The golden files under {@code formats/pilgrim-movements/} and the valid report they hold. */
final class PilgrimMovementsFixtures {

    /** A day after the last movement in the golden files. */
    static final Instant NOW = Instant.parse("2026-08-12T09:00:00Z");

    static final PilgrimMovementsType TYPE = new PilgrimMovementsType(Clock.fixed(NOW, ZoneOffset.UTC));

    private PilgrimMovementsFixtures() {}

    static String golden(String name) {
        try (InputStream in =
                PilgrimMovementsFixtures.class.getResourceAsStream("/formats/pilgrim-movements/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PilgrimMovements valid() {
        return TYPE.read(Payload.of(PayloadType.JSON, golden("valid.json")));
    }
}
