package org.openretention.platform.jdbc;


import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows to insert into one table, written either as one {@code INSERT ... SELECT FROM unnest(...)} (one text array
 * per column, cast to the column's type in SQL) or with {@code COPY}; {@link StatementPipeline#insert} picks by
 * size. Both write every value as the same text, so a row reads back the same whichever way it went in.
 *
 * <p>Values: {@code null}, {@link String}, UTF-8 text as {@code byte[]}, {@link Long}, {@link Integer},
 * {@link Boolean}, {@link BigDecimal}, {@link UUID}, {@link Instant} ({@code timestamptz}), {@link LocalDate}
 * ({@code date}) and enums (their name).
 */
public final class TableRows {

    private final String table;
    private final List<String> names;
    private final List<String> types;
    private final List<Object> values = new ArrayList<>();
    private int rows;

    /**
     * @param columns the columns as {@code "name type"}, the type as PostgreSQL spells it in a cast, e.g.
     *                {@code "customer_id varchar"}, {@code "earned_at timestamptz"}
     */
    public TableRows(String table, String... columns) {
        this.table = table;
        this.names = new ArrayList<>(columns.length);
        this.types = new ArrayList<>(columns.length);
        for (String column : columns) {
            String[] parts = column.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a column is \"name type\", not \"" + column + "\"");
            }
            names.add(parts[0]);
            types.add(parts[1]);
        }
    }

    /** Adds a row: one value per column, in the order of the columns. */
    public TableRows row(Object... row) {
        if (row.length != names.size()) {
            throw new IllegalArgumentException("a row of " + table + " has " + names.size() + " values, not " + row.length);
        }
        for (Object value : row) {
            values.add(value);
        }
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    public String table() {
        return table;
    }

    /** The statement that inserts the rows from one text array per column. */
    String insertStatement() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(String.join(", ", names)).append(") SELECT ");
        for (int j = 0; j < names.size(); j++) {
            sql.append(j == 0 ? "" : ", ").append("u.").append(names.get(j)).append("::").append(types.get(j));
        }
        sql.append(" FROM unnest(");
        for (int j = 0; j < names.size(); j++) {
            sql.append(j == 0 ? "" : ", ").append("?::text[]");
        }
        return sql.append(") AS u (").append(String.join(", ", names)).append(")").toString();
    }

    /** Binds the columns of {@link #insertStatement()}. */
    void bindColumns(StatementPipeline.Parameters p) throws SQLException {
        int width = names.size();
        for (int j = 0; j < width; j++) {
            String[] column = new String[rows];
            for (int i = 0; i < rows; i++) {
                column[i] = text(values.get(i * width + j));
            }
            p.array("text", column);
        }
    }

    /** Inserts the rows with {@code COPY} on the connection, in its current transaction. */
    void copyInto(Connection connection) throws SQLException {
        CopyText.Writer writer = new CopyText.Writer(Math.min(rows * names.size() * 24 + 64, 256 * 1024));
        int width = names.size();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                field(writer, values.get(i * width + j));
            }
            writer.endRow();
        }
        writer.copyInto(connection, table, names);
    }

    /** A value as PostgreSQL reads it from text (as COPY writes it), or {@code null}. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case byte[] utf8 -> new String(utf8, StandardCharsets.UTF_8);
            case Instant t -> CopyText.timestamptz(t);
            case LocalDate d -> d.equals(LocalDate.MAX) ? "infinity" : d.equals(LocalDate.MIN) ? "-infinity" : d.toString();
            case Boolean b -> b ? "t" : "f";
            case BigDecimal n -> n.toPlainString();
            case Long n -> n.toString();
            case Integer n -> n.toString();
            case UUID u -> u.toString();
            case Enum<?> e -> e.name();
            default -> throw new IllegalArgumentException("no text form for a " + value.getClass().getName());
        };
    }

    private static void field(CopyText.Writer writer, Object value) {
        switch (value) {
            case null -> writer.nullField();
            case String s -> writer.field(s);
            case byte[] utf8 -> writer.fieldUtf8(utf8);
            case Instant t -> writer.field(t);
            case LocalDate d -> writer.field(d);
            case Boolean b -> writer.field(b.booleanValue());
            case BigDecimal n -> writer.field(n);
            case Long n -> writer.field(n.longValue());
            case Integer n -> writer.field(n.longValue());
            case UUID u -> writer.field(u);
            case Enum<?> e -> writer.field(e.name());
            default -> throw new IllegalArgumentException("no text form for a " + value.getClass().getName());
        }
    }
}
