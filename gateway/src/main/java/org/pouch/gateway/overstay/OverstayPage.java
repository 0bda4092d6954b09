package org.pouch.gateway.overstay;

import java.time.Instant;
import java.util.List;
import org.pouch.overstay.Overstay;

/**
 * One page of the answer to "who has overstayed", as the JSON body says it.
 *
 * @param asOf the date asked about
 * @param group the group reference asked about, or null for all of the caller's lists
 * @param total how many overstays there are on all pages
 */
record OverstayPage(String asOf, String group, int page, int size, int total, List<Item> overstays) {

    /**
     * One pilgrim who overstayed.
     *
     * @param status {@code NO_EXIT} or {@code LATE_EXIT}
     * @param entered the last entry recorded, RFC 3339 UTC, or null
     * @param exited the late exit, RFC 3339 UTC, or null
     */
    record Item(
            String groupReference,
            String listMessageId,
            String host,
            String expectedDeparture,
            String permittedUntil,
            String passportNumber,
            String nationality,
            String surname,
            String givenNames,
            String status,
            String entered,
            String exited,
            long daysOver) {

        static Item of(Overstay overstay) {
            return new Item(
                    overstay.list().groupReference(),
                    overstay.list().listMessageId(),
                    overstay.list().host().value(),
                    overstay.list().departure().toString(),
                    overstay.list().permittedUntil().toString(),
                    overstay.pilgrim().passportNumber(),
                    overstay.pilgrim().nationality(),
                    overstay.pilgrim().surname(),
                    overstay.pilgrim().givenNames(),
                    overstay.status().name(),
                    overstay.entered().map(Instant::toString).orElse(null),
                    overstay.exited().map(Instant::toString).orElse(null),
                    overstay.daysOver());
        }
    }
}
