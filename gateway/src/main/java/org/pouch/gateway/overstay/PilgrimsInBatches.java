package org.pouch.gateway.overstay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.pouch.gateway.migrations.VersionedJavaMigration;
import org.pouch.overstay.ListedPilgrim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 10: a list's pilgrims move from a row each ({@code overstay_pilgrims}) to batches of
 * {@link PilgrimBatches#SIZE} ({@code overstay_pilgrim_batches}), written by the store's own batch writer
 * so that a list recorded before reads back exactly as one recorded after (ADR 0025). A Java migration
 * because the batches are JSON that SQL would have to escape by hand, differently on each database. The
 * old rows are read in list order and written a batch at a time, so a list of any length costs the memory
 * of one batch.
 */
@Component
class PilgrimsInBatches extends VersionedJavaMigration {

    private static final int FETCH = 1_000;

    PilgrimsInBatches() {
        super("10", "overstay pilgrims in batches");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table overstay_pilgrim_batches (
                        list_id        varchar(64)       not null references overstay_lists (list_id),
                        batch          integer           not null,
                        pilgrim_count  integer           not null,
                        pilgrims       varchar(1000000)  not null,
                        primary key (list_id, batch)
                    )
                    """);
        }
        move(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table overstay_pilgrims");
        }
    }

    private static void move(Connection connection) throws SQLException {
        // The migration's own connection and transaction; Flyway closes the connection, not the writer.
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        try (PreparedStatement query = connection.prepareStatement("""
                select list_id, passport_number, nationality, surname, given_names
                  from overstay_pilgrims
                 order by list_id, list_position
                """)) {
            // Within Flyway's transaction PostgreSQL's driver then reads the rows a thousand at a time.
            query.setFetchSize(FETCH);
            try (ResultSet rows = query.executeQuery()) {
                String listId = null;
                int number = 0;
                List<ListedPilgrim> batch = new ArrayList<>(PilgrimBatches.SIZE);
                while (rows.next()) {
                    String rowList = rows.getString("list_id");
                    if (!rowList.equals(listId) || batch.size() == PilgrimBatches.SIZE) {
                        if (!batch.isEmpty()) {
                            PilgrimBatches.writeBatch(jdbc, listId, number, batch);
                            batch.clear();
                        }
                        number = rowList.equals(listId) ? number + 1 : 0;
                        listId = rowList;
                    }
                    batch.add(new ListedPilgrim(
                            rows.getString("passport_number"),
                            rows.getString("nationality"),
                            rows.getString("surname"),
                            rows.getString("given_names")));
                }
                if (!batch.isEmpty()) {
                    PilgrimBatches.writeBatch(jdbc, listId, number, batch);
                }
            }
        }
    }
}
