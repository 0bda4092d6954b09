package org.pouch.gateway.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.pilgrims.Group;
import org.pouch.formats.pilgrims.GroupLeader;
import org.pouch.formats.pilgrims.Organiser;
import org.pouch.formats.pilgrims.Passport;
import org.pouch.formats.pilgrims.Pilgrim;
import org.pouch.formats.pilgrims.PilgrimList;
import org.pouch.formats.pilgrims.PilgrimListType;
import org.pouch.formats.pilgrims.Sex;

/**
 * Pilgrim lists of a requested size that pass the guard: written by the type's own codec, so the schema
 * and the business rules hold (unique passport numbers, CNICs, dates in order), not random bytes.
 *
 * <p>The schema allows at most {@value #MAX_PILGRIMS} pilgrims (about 250 bytes each here) and 200
 * characters per name: a list grows by its number of pilgrims up to about 60 MB, then by longer names.
 */
final class PilgrimLists {

    static final int MAX_PILGRIMS = 250_000;
    private static final int MAX_TEXT = 200;
    private static final PilgrimListType TYPE = new PilgrimListType();
    private static final LocalDate ARRIVAL = LocalDate.of(2027, 2, 14);

    private PilgrimLists() {}

    /** A valid JSON pilgrim list of at least {@code bytes} bytes where the schema allows it; {@code seed} varies it. */
    static Payload ofSize(int bytes, long seed) {
        int shortSize = (int) write(1, 0, seed).size();
        int perPilgrim = (int) write(2, 0, seed).size() - shortSize;
        int count = Math.max(1, Math.min(MAX_PILGRIMS, 1 + (bytes - shortSize + perPilgrim - 1) / perPilgrim));
        if (count < MAX_PILGRIMS) {
            return write(count, 0, seed);
        }
        // Each padding character adds four bytes: three Latin names and a native name of two bytes a letter.
        int padding = Math.max(
                0, Math.min(MAX_TEXT - 20, (bytes - (int) write(count, 0, seed).size()) / count / 4));
        return write(count, padding, seed);
    }

    private static Payload write(int count, int padding, long seed) {
        List<Pilgrim> pilgrims = new ArrayList<>(count);
        String latin = "a".repeat(padding);
        String nativeScript = "ع".repeat(padding);
        for (int i = 0; i < count; i++) {
            long n = seed * MAX_PILGRIMS + i;
            pilgrims.add(new Pilgrim(
                    "Khan" + latin,
                    "Ayesha" + latin,
                    "عائشہ خان" + nativeScript,
                    i % 2 == 0 ? Sex.F : Sex.M,
                    LocalDate.of(1950 + (int) (n % 50), 1 + (int) (n % 12), 1 + (int) (n % 28)),
                    "PAK",
                    new Passport("AB" + String.format("%07d", i), LocalDate.of(2031, 6, 30)),
                    String.format("%05d-%07d-%d", 35202 + (seed % 60000), i, n % 10),
                    null,
                    "IQ-ZV-2027-" + String.format("%06d", i)));
        }
        Group group = new Group(
                "KRB-" + seed,
                new Organiser("Al-Zahra Hajj and Ziyarat Services", "MORA-ZO-0412"),
                new GroupLeader("Muhammad Ali Rizvi", "محمد علی رضوی", "+92 300 0000000"),
                "NJF",
                ARRIVAL,
                ARRIVAL.plusDays(15),
                20);
        return TYPE.write(new PilgrimList(group, pilgrims), PayloadType.JSON);
    }

    /** Whether the type's schema and rules accept the payload: what the guard checks. */
    static boolean passesTheGuard(Payload payload) {
        return TYPE.check(TYPE.read(payload)).isEmpty();
    }
}
