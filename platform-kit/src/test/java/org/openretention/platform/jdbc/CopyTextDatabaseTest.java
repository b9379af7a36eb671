package org.openretention.platform.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COPY through Agroal's pooled connection, inside a JTA transaction, read back by PostgreSQL. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class CopyTextDatabaseTest {

    private static final List<String> COLUMNS = List.of("id", "label", "amount", "at", "day", "ref", "flag");

    @Inject
    AgroalDataSource dataSource;

    private String table;

    private record Read(long id, String label, BigDecimal amount, Instant at, String atText, LocalDate day, UUID ref, Boolean flag) {
    }

    @BeforeEach
    void createTable() throws SQLException {
        table = "kit_copy_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, label TEXT, amount NUMERIC(30, 10), at TIMESTAMPTZ,"
                    + " day DATE, ref UUID, flag BOOLEAN)");
        }
    }

    @Test
    void rowsCopiedInATransactionReadBackExactly() {
        UUID ref = UUID.randomUUID();
        String tricky = "tab\there, newline\nhere, cr\rhere, backslash\\here, \\N, \\., 顾客订单, \uD83D\uDE00, \"quoted\"";
        Instant at = Instant.parse("2025-03-01T09:15:00.123456789Z");

        long inserted = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                CopyText.Writer rows = new CopyText.Writer();
                rows.field(1).field(tricky).field(new BigDecimal("-12345.6789")).field(at).field(LocalDate.of(2024, 2, 29)).field(ref).field(true).endRow();
                rows.field(2).field("").nullField().nullField().nullField().nullField().nullField().endRow();
                rows.field(3).field("\\N").field(new BigDecimal("1E+3")).field(Instant.MAX).field(LocalDate.MIN).field(ref).field(false).endRow();
                long n = rows.copyInto(c, table, COLUMNS);
                assertThat(rows.rows()).isZero(); // emptied, ready for the next chunk
                rows.field(4).fieldUtf8("utf8 \\ 中文\t".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .nullField().field(Instant.parse("0001-01-01T00:00:00Z")).nullField().nullField().nullField().endRow();
                return n + rows.copyInto(c, table, COLUMNS);
            }
        });

        assertThat(inserted).isEqualTo(4);
        List<Read> read = readAll();
        assertThat(read).hasSize(4);
        assertThat(read.get(0)).isEqualTo(new Read(1, tricky, new BigDecimal("-12345.6789000000"),
                Instant.parse("2025-03-01T09:15:00.123457Z"), read.get(0).atText(), LocalDate.of(2024, 2, 29), ref, true));
        assertThat(read.get(1)).isEqualTo(new Read(2, "", null, null, null, null, null, null));
        assertThat(read.get(2).label()).isEqualTo("\\N");
        assertThat(read.get(2).amount()).isEqualByComparingTo("1000");
        assertThat(read.get(2).atText()).isEqualTo("infinity");
        assertThat(read.get(2).day()).isNull(); // -infinity has no LocalDate; checked as text below
        assertThat(read.get(2).flag()).isFalse();
        assertThat(text("SELECT day::text FROM " + table + " WHERE id = 3")).isEqualTo("-infinity");
        assertThat(read.get(3).label()).isEqualTo("utf8 \\ 中文\t");
        assertThat(read.get(3).at()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void rowsSpanningSeveralChunksAreAllCopied() {
        int n = 3000;
        String label = "x".repeat(400) + "\t顾客";
        long inserted = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                CopyText.Writer rows = new CopyText.Writer();
                for (int i = 1; i <= n; i++) {
                    rows.field(i).field(label + i).nullField().nullField().nullField().nullField().field(i % 2 == 0).endRow();
                }
                assertThat(rows.toByteArray().length).isGreaterThan(3 * CopyText.Writer.CHUNK);
                return rows.copyInto(c, table, COLUMNS);
            }
        });
        assertThat(inserted).isEqualTo(n);
        List<Read> read = readAll();
        assertThat(read).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(read.get(i).id()).isEqualTo(i + 1);
            assertThat(read.get(i).label()).isEqualTo(label + (i + 1));
        }
    }

    @Test
    void copiedRowsRollBackWithTheTransaction() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                new CopyText.Writer().field(1).field("gone").nullField().nullField().nullField().nullField().nullField().endRow()
                        .copyInto(c, table, COLUMNS);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the change failed after the copy");
        })).hasStackTraceContaining("the change failed");

        assertThat(readAll()).isEmpty();
    }

    @Test
    void aRowThePostgresqlRejectsFailsTheCopy() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                CopyText.Writer rows = new CopyText.Writer();
                rows.field(1).field("a").nullField().nullField().nullField().nullField().nullField().endRow();
                rows.field(1).field("same id").nullField().nullField().nullField().nullField().nullField().endRow();
                rows.copyInto(c, table, COLUMNS);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        })).hasStackTraceContaining("duplicate key");

        assertThat(readAll()).isEmpty();
    }

    private List<Read> readAll() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, label, amount, CASE WHEN isfinite(at) THEN at END, at::text,"
                     + " CASE WHEN isfinite(day) THEN day END, ref, flag FROM " + table + " ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            List<Read> rows = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                rows.add(new Read(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), at == null ? null : at.toInstant(), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, UUID.class), (Boolean) rs.getObject(8)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
