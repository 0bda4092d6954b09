package org.pouch.formats.pilgrims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;

/** The golden files under {@code formats/pilgrim-list/} and the valid list they hold. */
final class PilgrimListFixtures {

    static final PilgrimListType TYPE = new PilgrimListType();

    private PilgrimListFixtures() {}

    static String golden(String name) {
        try (InputStream in = PilgrimListFixtures.class.getResourceAsStream("/formats/pilgrim-list/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PilgrimList valid() {
        return TYPE.read(Payload.of(PayloadType.JSON, golden("valid.json")));
    }
}
