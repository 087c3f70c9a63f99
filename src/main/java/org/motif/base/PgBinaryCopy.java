package org.motif.base;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One streaming PostgreSQL {@code COPY … FROM STDIN (FORMAT binary)}: the server neither parses text
 * numbers nor hex-decodes byte arrays. Write {@link #row} with the column count, then each column in
 * order; null values are written as SQL NULL. {@link #close} ends the copy.
 */
public final class PgBinaryCopy implements AutoCloseable {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private final DataOutputStream out;

    /** True when the connection is to PostgreSQL (where COPY is available). */
    public static boolean isPostgres(Connection con) throws SQLException {
        return con.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    /** @param table table name and column list, e.g. {@code variant (import_pk, contig, …)} */
    public PgBinaryCopy(Connection con, String table) throws SQLException, IOException {
        PGConnection pg = con.unwrap(PGConnection.class);
        out = new DataOutputStream(new BufferedOutputStream(
                new PGCopyOutputStream(pg, "COPY " + table + " FROM STDIN (FORMAT binary)", 1 << 16), 1 << 16));
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
    }

    public void row(int columns) throws IOException {
        out.writeShort(columns);
    }

    public void int8(long v) throws IOException {
        out.writeInt(8);
        out.writeLong(v);
    }

    public void int4(int v) throws IOException {
        out.writeInt(4);
        out.writeInt(v);
    }

    public void float8(Double d) throws IOException {
        if (d == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(8);
            out.writeDouble(d);
        }
    }

    public void bytea(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    public void text(String s) throws IOException {
        if (s == null) out.writeInt(-1);
        else bytea(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
