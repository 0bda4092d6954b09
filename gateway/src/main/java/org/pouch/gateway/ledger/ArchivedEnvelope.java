package org.pouch.gateway.ledger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.io.input.BoundedInputStream;
import org.pouch.exchange.Content;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * An exchange's archived envelope, read from the {@code exchanges} table each time it is opened
 * ({@code getBinaryStream}), so that finding an exchange never loads its envelope and whoever opens it reads
 * it as a stream. A stream holds its database connection (the caller's transaction's, if it has one) until
 * it is closed. An envelope purged past its retention period has no bytes.
 */
final class ArchivedEnvelope implements Content {

    private final DataSource dataSource;
    private final String exchangeId;
    private final long size;

    ArchivedEnvelope(DataSource dataSource, String exchangeId, long size) {
        this.dataSource = dataSource;
        this.exchangeId = exchangeId;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream(long offset, long length) {
        Objects.checkFromIndexSize(offset, length, size);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        PreparedStatement statement = null;
        ResultSet row = null;
        try {
            statement = connection.prepareStatement("select envelope from exchanges where exchange_id = ?");
            statement.setString(1, exchangeId);
            row = statement.executeQuery();
            InputStream envelope = row.next() ? row.getBinaryStream(1) : null;
            if (envelope == null) {
                throw new IOException("the envelope of exchange " + exchangeId + " is no longer archived");
            }
            envelope.skipNBytes(offset);
            InputStream bounded = BoundedInputStream.builder()
                    .setInputStream(envelope)
                    .setMaxCount(length)
                    .get();
            return new Opened(bounded, connection, statement, row);
        } catch (SQLException | IOException | RuntimeException e) {
            release(connection, statement, row);
            throw new UncheckedIOException(
                    "cannot read the envelope of exchange " + exchangeId,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private void release(Connection connection, PreparedStatement statement, ResultSet row) {
        try {
            if (row != null) {
                row.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // Closing the connection (or the transaction, whose connection it is) closes them as well.
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The envelope's bytes from the offset, at most the length, holding the row until closed. */
    private final class Opened extends FilterInputStream {

        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet row;
        private boolean closed;

        Opened(InputStream bounded, Connection connection, PreparedStatement statement, ResultSet row) {
            super(bounded);
            this.connection = connection;
            this.statement = statement;
            this.row = row;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                in.close();
            } finally {
                release(connection, statement, row);
            }
        }
    }
}
