package org.openretention.platform.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format: the cheapest way to insert many rows (one
 * statement, no bind parameters, no per-row index of a multi-row {@code INSERT}'s {@code VALUES}).
 *
 * <p>Write fields with a {@link Writer}, end each row with {@link Writer#endRow()}, then run the copy with
 * {@link Writer#copyInto(Connection, String, List)} on a connection of the current transaction: the rows commit or
 * roll back with it. Through Agroal's pooled connection this is the transaction's enlisted connection; the
 * PostgreSQL driver is reached with {@code unwrap(PGConnection.class)}.
 *
 * <p>Text format as PostgreSQL reads it: fields separated by a tab, rows ended by a newline, {@code \N} for NULL,
 * and inside a field a backslash, tab, newline and carriage return written as {@code \\ \t \n \r}. Text is sent in
 * UTF-8 (the only client encoding the PostgreSQL JDBC driver uses). A NUL character cannot be stored in a
 * PostgreSQL text value and is refused here, as the server would refuse it.
 *
 * <pre>{@code
 * CopyText.Writer rows = new CopyText.Writer();
 * for (Entry e : entries) {
 *     rows.field(e.id()).field(e.customerId()).field(e.points()).field(e.at()).endRow();
 * }
 * rows.copyInto(connection, "ledger_entry", List.of("id", "customer_id", "points", "created_at"));
 * }</pre>
 */
public final class CopyText {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] TRUE = {'t'};
    private static final byte[] FALSE = {'f'};
    private static final byte[] INFINITY = "infinity".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINUS_INFINITY = "-infinity".getBytes(StandardCharsets.US_ASCII);

    private CopyText() {
    }

    /**
     * An instant as a {@code timestamptz} field of this format writes it ({@link Writer#field(Instant)}), for
     * statements that pass the same values as text; {@code null} for {@code null}.
     */
    public static String timestamptz(Instant value) {
        if (value == null) {
            return null;
        }
        Writer one = new Writer(40);
        one.field(value);
        return new String(one.buffer, 0, one.length, StandardCharsets.US_ASCII);
    }

    /** The statement {@code COPY table (columns) FROM STDIN} that reads rows in this format. */
    public static String copyStatement(String table, List<String> columns) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: '" + table + "'");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("COPY needs at least one column");
        }
        for (String column : columns) {
            if (!IDENTIFIER.matcher(column).matches() || column.indexOf('.') >= 0) {
                throw new IllegalArgumentException("not a plain column name: '" + column + "'");
            }
        }
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /**
     * Builds rows in memory, in UTF-8. Not thread-safe. Every row must have as many fields as the first one.
     * After {@link #copyInto} the writer is empty again and can take the next chunk of rows.
     */
    public static final class Writer {

        /**
         * Bytes beyond one chunk go to a new buffer instead of a doubled one: the JVM's G1 collector handles an
         * array of half a heap region (512 KiB with a 2 GiB heap) or more as a "humongous" object, allocated outside
         * the young generation and a trigger of concurrent cycles, and a batch of a thousand outbox events is about
         * 700 KiB of text.
         */
        static final int CHUNK = 256 * 1024;
        private final List<byte[]> fullChunks = new java.util.ArrayList<>(0);
        private final List<Integer> fullLengths = new java.util.ArrayList<>(0);
        private byte[] buffer;
        private int length;
        private int rows;
        private int fieldsInRow;
        private int fieldsPerRow = -1;

        public Writer() {
            this(8192);
        }

        /** @param initialCapacity bytes to reserve; the buffer grows as needed */
        public Writer(int initialCapacity) {
            buffer = new byte[Math.max(16, initialCapacity)];
        }

        /** A text field; {@code null} is NULL. */
        public Writer field(String value) {
            if (value == null) {
                return nullField();
            }
            beginField();
            appendEscaped(value);
            return this;
        }

        /**
         * A text field given as UTF-8 bytes (as a JSON encoder writes them), copied without decoding; {@code null}
         * is NULL. Not for {@code bytea}: the bytes are text.
         */
        public Writer fieldUtf8(byte[] utf8) {
            if (utf8 == null) {
                return nullField();
            }
            beginField();
            // worst case every byte is escaped; copy the runs between bytes that need escaping in bulk
            ensure(utf8.length * 2);
            byte[] out = buffer;
            int at = length;
            int run = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte b = utf8[i];
                // in UTF-8, bytes below 0x80 are ASCII characters only, never part of a multi-byte sequence
                byte escaped = switch (b) {
                    case '\\' -> (byte) '\\';
                    case '\t' -> (byte) 't';
                    case '\n' -> (byte) 'n';
                    case '\r' -> (byte) 'r';
                    case 0 -> throw nul();
                    default -> 0;
                };
                if (escaped != 0) {
                    System.arraycopy(utf8, run, out, at, i - run);
                    at += i - run;
                    out[at++] = '\\';
                    out[at++] = escaped;
                    run = i + 1;
                }
            }
            System.arraycopy(utf8, run, out, at, utf8.length - run);
            length = at + utf8.length - run;
            return this;
        }

        /** An integer field ({@code smallint}, {@code int}, {@code bigint}, {@code numeric}). */
        public Writer field(long value) {
            beginField();
            appendAscii(Long.toString(value));
            return this;
        }

        /** A {@code boolean} field. */
        public Writer field(boolean value) {
            beginField();
            appendRaw(value ? TRUE : FALSE);
            return this;
        }

        /** A {@code uuid} field; {@code null} is NULL. */
        public Writer field(UUID value) {
            if (value == null) {
                return nullField();
            }
            beginField();
            appendAscii(value.toString());
            return this;
        }

        /** A {@code numeric} field, written without exponent; {@code null} is NULL. */
        public Writer field(BigDecimal value) {
            if (value == null) {
                return nullField();
            }
            beginField();
            appendAscii(value.toPlainString());
            return this;
        }

        /**
         * A {@code timestamptz} field, written in UTC as {@code 2025-03-01 09:15:00.123456+00}: ISO 8601, read the
         * same under every {@code DateStyle} and {@code TimeZone} setting. Rounded half up to the microsecond,
         * PostgreSQL's precision, as the JDBC driver rounds bound values. {@link Instant#MAX} and {@link Instant#MIN}
         * are {@code infinity} and {@code -infinity}; other instants must lie in the years 1 to 9999.
         * {@code null} is NULL.
         */
        public Writer field(Instant value) {
            if (value == null) {
                return nullField();
            }
            beginField();
            if (value.equals(Instant.MAX)) {
                appendRaw(INFINITY);
                return this;
            }
            if (value.equals(Instant.MIN)) {
                appendRaw(MINUS_INFINITY);
                return this;
            }
            LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC)
                    .plusNanos(500).truncatedTo(ChronoUnit.MICROS);
            appendDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), value);
            append1((byte) ' ');
            appendDigits(t.getHour(), 2);
            append1((byte) ':');
            appendDigits(t.getMinute(), 2);
            append1((byte) ':');
            appendDigits(t.getSecond(), 2);
            append1((byte) '.');
            appendDigits(t.getNano() / 1000, 6);
            append2('+', '0');
            append1((byte) '0');
            return this;
        }

        /**
         * A {@code date} field, {@code yyyy-MM-dd}. {@link LocalDate#MAX} and {@link LocalDate#MIN} are
         * {@code infinity} and {@code -infinity}; other dates must lie in the years 1 to 9999. {@code null} is NULL.
         */
        public Writer field(LocalDate value) {
            if (value == null) {
                return nullField();
            }
            beginField();
            if (value.equals(LocalDate.MAX)) {
                appendRaw(INFINITY);
            } else if (value.equals(LocalDate.MIN)) {
                appendRaw(MINUS_INFINITY);
            } else {
                appendDate(value.getYear(), value.getMonthValue(), value.getDayOfMonth(), value);
            }
            return this;
        }

        /** A NULL field. */
        public Writer nullField() {
            beginField();
            appendRaw(NULL);
            return this;
        }

        /** Ends the current row. */
        public Writer endRow() {
            if (fieldsInRow == 0) {
                throw new IllegalStateException("a COPY row needs at least one field");
            }
            if (fieldsPerRow < 0) {
                fieldsPerRow = fieldsInRow;
            } else if (fieldsInRow != fieldsPerRow) {
                throw new IllegalStateException("row " + (rows + 1) + " has " + fieldsInRow + " fields, the rows before it " + fieldsPerRow);
            }
            append1((byte) '\n');
            fieldsInRow = 0;
            rows++;
            return this;
        }

        /** Complete rows written since the writer was created or last copied. */
        public int rows() {
            return rows;
        }

        /** The rows written so far as COPY text, UTF-8 encoded. */
        public byte[] toByteArray() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < fullChunks.size(); i++) {
                all.write(fullChunks.get(i), 0, fullLengths.get(i));
            }
            all.write(buffer, 0, length);
            return all.toByteArray();
        }

        /** The rows written so far as COPY text. */
        @Override
        public String toString() {
            return new String(toByteArray(), StandardCharsets.UTF_8);
        }

        /**
         * Runs {@code COPY table (columns) FROM STDIN} with the rows written so far on the connection, in its
         * current transaction, and empties the writer. Does nothing without rows.
         *
         * @return the number of rows PostgreSQL inserted
         */
        public long copyInto(Connection connection, String table, List<String> columns) throws SQLException {
            if (fieldsInRow != 0) {
                throw new IllegalStateException("the last row was not ended");
            }
            String sql = copyStatement(table, columns);
            if (rows == 0) {
                return 0;
            }
            if (fieldsPerRow != columns.size()) {
                throw new IllegalStateException("rows have " + fieldsPerRow + " fields, COPY names " + columns.size() + " columns");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                for (int i = 0; i < fullChunks.size(); i++) {
                    copy.writeToCopy(fullChunks.get(i), 0, fullLengths.get(i));
                }
                copy.writeToCopy(buffer, 0, length);
                long inserted = copy.endCopy();
                clear();
                return inserted;
            } finally {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException ignored) {
                        // the failure that brought us here is the one to report
                    }
                }
            }
        }

        /** Forgets every row written so far. */
        public void clear() {
            fullChunks.clear();
            fullLengths.clear();
            length = 0;
            rows = 0;
            fieldsInRow = 0;
            fieldsPerRow = -1;
        }

        private void beginField() {
            if (fieldsInRow > 0) {
                append1((byte) '\t');
            }
            fieldsInRow++;
        }

        private void appendEscaped(String s) {
            int n = s.length();
            ensure(3 * n); // UTF-8 takes at most 3 bytes per char (4 per surrogate pair), an escape 2
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (c > '\\' || c >= ' ' && c != '\\') {
                        buffer[length++] = (byte) c; // room reserved above
                        continue;
                    }
                    switch (c) {
                        case '\\' -> append2('\\', '\\');
                        case '\t' -> append2('\\', 't');
                        case '\n' -> append2('\\', 'n');
                        case '\r' -> append2('\\', 'r');
                        case 0 -> throw nul();
                        default -> append1((byte) c);
                    }
                } else if (c < 0x800) {
                    ensure(2);
                    buffer[length++] = (byte) (0xC0 | (c >> 6));
                    buffer[length++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    ensure(4);
                    buffer[length++] = (byte) (0xF0 | (cp >> 18));
                    buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    append1((byte) '?'); // an unpaired surrogate, replaced as String.getBytes(UTF_8) and the JDBC driver do
                } else {
                    ensure(3);
                    buffer[length++] = (byte) (0xE0 | (c >> 12));
                    buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }

        private void appendDate(int year, int month, int day, Object value) {
            if (year < 1 || year > 9999) {
                throw new IllegalArgumentException("COPY text writes years 1 to 9999 only, not " + value);
            }
            appendDigits(year, 4);
            append1((byte) '-');
            appendDigits(month, 2);
            append1((byte) '-');
            appendDigits(day, 2);
        }

        private void appendDigits(int value, int width) {
            ensure(width);
            for (int i = width - 1; i >= 0; i--) {
                buffer[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
        }

        private void appendAscii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buffer[length++] = (byte) s.charAt(i);
            }
        }

        private void appendRaw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void append1(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        private void append2(char a, char b) {
            ensure(2);
            buffer[length++] = (byte) a;
            buffer[length++] = (byte) b;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                if (length + more > CHUNK && length > 0) {
                    // keep what is written, continue in a new chunk (COPY data is a plain byte stream)
                    fullChunks.add(buffer);
                    fullLengths.add(length);
                    buffer = new byte[Math.max(CHUNK, more)];
                    length = 0;
                    return;
                }
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        private static IllegalArgumentException nul() {
            return new IllegalArgumentException("PostgreSQL text cannot hold a NUL character (\\u0000)");
        }
    }
}
