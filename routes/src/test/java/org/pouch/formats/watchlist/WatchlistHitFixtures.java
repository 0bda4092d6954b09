package org.pouch.formats.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;

/** The golden files under {@code formats/watchlist-hit/} and the valid hit they hold. */
final class WatchlistHitFixtures {

    static final WatchlistHitType TYPE = new WatchlistHitType();

    private WatchlistHitFixtures() {}

    static String golden(String name) {
        try (InputStream in = WatchlistHitFixtures.class.getResourceAsStream("/formats/watchlist-hit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WatchlistHit valid() {
        return TYPE.read(Payload.of(PayloadType.JSON, golden("valid.json")));
    }
}
