package org.pouch.gateway.overstay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.pouch.overstay.ListedPilgrim;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list's pilgrims in {@code overstay_pilgrim_batches} (migration 10): up to {@link #SIZE} pilgrims to a row,
 * in list order, each batch a JSON array of {@code [passportNumber, nationality, surname, givenNames]}.
 *
 * <p>A row per pilgrim made a pilgrim list the largest writer of the gateway's database: a 10 KB list wrote
 * some thirty rows, each also an entry of the primary key's index, where the rest of an accepted exchange
 * writes about ten. The pilgrims are only ever read as a whole list, in order, so one value per few hundred
 * of them keeps everything the answers need (ADR 0025). The bound keeps a list of any length in the memory
 * of one batch, and any batch within the column's million characters: a pilgrim the list's schema accepts
 * encodes to at most about 2,430 (two names of 200 characters, each escaped to six at worst, as a control
 * character is), so 400 of them to 972,000.
 */
final class PilgrimBatches {

    static final String TABLE = "overstay_pilgrim_batches";

    static final int SIZE = 400;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PilgrimBatches() {}

    /** Writes {@code pilgrims} as the list's batches, taking them from the iterator a batch at a time. */
    static void write(JdbcClient jdbc, String listId, Iterator<ListedPilgrim> pilgrims) {
        List<ListedPilgrim> batch = new ArrayList<>(SIZE);
        for (int number = 0; pilgrims.hasNext(); number++) {
            while (pilgrims.hasNext() && batch.size() < SIZE) {
                batch.add(pilgrims.next());
            }
            writeBatch(jdbc, listId, number, batch);
            batch.clear();
        }
    }

    /** Writes one batch of at most {@link #SIZE} pilgrims, the list's {@code number}th from 0. */
    static void writeBatch(JdbcClient jdbc, String listId, int number, List<ListedPilgrim> batch) {
        if (batch.isEmpty() || batch.size() > SIZE) {
            throw new IllegalArgumentException("a batch holds 1 to " + SIZE + " pilgrims, not " + batch.size());
        }
        jdbc.sql("insert into " + TABLE + " (list_id, batch, pilgrim_count, pilgrims)"
                        + " values (:listId, :batch, :count, :pilgrims)")
                .param("listId", listId)
                .param("batch", number)
                .param("count", batch.size())
                .param("pilgrims", encode(batch))
                .update();
    }

    /** The list's pilgrims, in list order. */
    static List<ListedPilgrim> read(JdbcClient jdbc, String listId) {
        List<ListedPilgrim> pilgrims = new ArrayList<>();
        jdbc.sql("select pilgrims from " + TABLE + " where list_id = :listId order by batch")
                .param("listId", listId)
                .query((RowCallbackHandler) row -> pilgrims.addAll(decode(row.getString("pilgrims"))));
        return pilgrims;
    }

    private static String encode(List<ListedPilgrim> pilgrims) {
        String[][] rows = new String[pilgrims.size()][];
        for (int i = 0; i < rows.length; i++) {
            ListedPilgrim pilgrim = pilgrims.get(i);
            rows[i] = new String[] {
                pilgrim.passportNumber(), pilgrim.nationality(), pilgrim.surname(), pilgrim.givenNames()
            };
        }
        return JSON.writeValueAsString(rows);
    }

    private static List<ListedPilgrim> decode(String batch) {
        String[][] rows = JSON.readValue(batch, String[][].class);
        List<ListedPilgrim> pilgrims = new ArrayList<>(rows.length);
        for (String[] row : rows) {
            pilgrims.add(new ListedPilgrim(row[0], row[1], row[2], row[3]));
        }
        return pilgrims;
    }
}
