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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement pipeline against PostgreSQL: rows read back the same whether they went in as a queued INSERT or
 * with COPY (the test profile's COPY threshold is 3 rows), queued writes are sent before a read of the same
 * transaction and at commit, and a failing queued write fails the transaction.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class StatementPipelineTest {

    private static final String[] COLUMNS = {"id int8", "label text", "amount numeric", "at timestamptz", "day date", "ref uuid", "flag bool"};

    @Inject
    AgroalDataSource dataSource;
    @Inject
    StatementPipeline pipeline;

    private String table;

    @BeforeEach
    void createTable() throws SQLException {
        table = "kit_pipe_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, label TEXT, amount NUMERIC(30, 10), at TIMESTAMPTZ,"
                    + " day DATE, ref UUID, flag BOOLEAN)");
        }
    }

    /** The same five rows, from {@code first} on: every type, NULLs, escapes, infinities, sub-microsecond instants. */
    private static List<Object[]> values(long first, UUID ref) {
        String tricky = "tab\there, newline\nhere, backslash\\here, \\N, {braces}, \"quoted\", 'single', 顾客订单, \uD83D\uDE00";
        return List.of(
                new Object[]{first, tricky, new BigDecimal("-12345.6789"), Instant.parse("2025-03-01T09:15:00.123456789Z"), LocalDate.of(2024, 2, 29), ref, true},
                new Object[]{first + 1, "", null, null, null, null, null},
                new Object[]{first + 2, "NULL", new BigDecimal("1E+3"), Instant.MAX, LocalDate.MIN, ref, false},
                new Object[]{first + 3, "utf8 \\ 中文\t".getBytes(StandardCharsets.UTF_8), 7, Instant.parse("0001-01-01T00:00:00Z"), LocalDate.MAX, null, Boolean.TRUE},
                new Object[]{first + 4, Kind.SOME_KIND, 0L, Instant.parse("2026-11-28T23:59:59.9999995Z"), LocalDate.of(2026, 11, 28), ref, false});
    }

    private TableRows rows(List<Object[]> values) {
        TableRows rows = new TableRows(table, COLUMNS);
        values.forEach(rows::row);
        return rows;
    }

    private enum Kind { SOME_KIND }

    @Test
    void rowsReadBackTheSameWhetherInsertedOrCopied() {
        UUID ref = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            // five rows: above the test threshold, so COPY
            pipeline.insert(rows(values(100, ref)));
            // the same values two rows at a time: queued INSERTs
            List<Object[]> again = values(200, ref);
            pipeline.insert(rows(again.subList(0, 2)));
            pipeline.insert(rows(again.subList(2, 4)));
            pipeline.insert(rows(again.subList(4, 5)));
        });

        List<String> copied = readAsText(100);
        List<String> inserted = readAsText(200);
        assertThat(copied).hasSize(5);
        assertThat(inserted).isEqualTo(copied);
        assertThat(copied.get(0)).contains("|-12345.6789000000|2025-03-01 09:15:00.123457|2024-02-29|" + ref + "|true");
        assertThat(copied.get(1)).isEqualTo("1||||||");
        assertThat(copied.get(2)).isEqualTo("2|NULL|1000.0000000000|infinity|-infinity|" + ref + "|false");
        assertThat(copied.get(3)).isEqualTo("3|utf8 \\ 中文\t|7.0000000000|0001-01-01 00:00:00|infinity||true");
        assertThat(copied.get(4)).isEqualTo("4|SOME_KIND|0.0000000000|2026-11-29 00:00:00|2026-11-28|" + ref + "|false");
    }

    @Test
    void queuedWritesAreSentBeforeAReadOfTheSameTransactionAndNotBefore() {
        long[] seenBeforeTheRead = new long[1];
        long seenByTheRead = QuarkusTransaction.requiringNew().call(() -> {
            pipeline.open();
            pipeline.queue("INSERT INTO " + table + " (id, label) VALUES (?, ?)", p -> p.bigint(1).string("one"), StatementPipeline.Check.changes(1, "one"));
            pipeline.queue("INSERT INTO " + table + " (id, label) VALUES (?, ?)", p -> p.bigint(2).string("two"), StatementPipeline.Check.changes(1, "two"));
            // not sent yet: the table is still empty for the transaction itself
            seenBeforeTheRead[0] = countIn(dataSource.getConnection());
            return pipeline.call("SELECT count(*) FROM " + table, p -> {
            }, s -> {
                try (ResultSet rs = s.getResultSet()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        });
        assertThat(seenBeforeTheRead[0]).isZero();
        assertThat(seenByTheRead).isEqualTo(2);
        assertThat(readAsText(0)).hasSize(2);
    }

    @Test
    void whatIsStillQueuedIsSentAtCommit() {
        QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            pipeline.insert(new TableRows(table, "id int8", "label text").row(1L, "at commit"));
            pipeline.queue("UPDATE " + table + " SET flag = true WHERE id = ?", p -> p.bigint(1), StatementPipeline.Check.changes(1, "flag"));
        });
        assertThat(readAsText(0)).containsExactly("1|at commit|||||true");
    }

    @Test
    void aFailingQueuedWriteFailsTheTransactionAndNothingCommits() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            pipeline.insert(new TableRows(table, "id int8", "label text").row(1L, "first"));
            pipeline.insert(new TableRows(table, "id int8", "label text").row(1L, "same id"));
            pipeline.flush();
        })).hasStackTraceContaining("duplicate key");
        assertThat(readAsText(0)).isEmpty();

        // a check that does not hold fails it too
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            pipeline.insert(new TableRows(table, "id int8", "label text").row(5L, "kept?"));
            pipeline.queue("UPDATE " + table + " SET flag = true WHERE id = ?", p -> p.bigint(99), StatementPipeline.Check.changes(1, "missing row"));
        })).hasStackTraceContaining("missing row: 0 rows changed instead of 1");
        assertThat(readAsText(0)).isEmpty();
    }

    @Test
    void withoutOpeningATransactionQueuesNothing() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(pipeline.isOpen()).isFalse();
            pipeline.insert(new TableRows(table, "id int8", "label text").row(1L, "at once"));
            try (Connection c = dataSource.getConnection()) {
                assertThat(countIn(c)).isEqualTo(1); // the plain connection of the transaction sees it: sent already
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // and with no transaction at all, it runs in autocommit
        pipeline.queue("INSERT INTO " + table + " (id, label) VALUES (?, ?)", p -> p.bigint(2).string("autocommit"), StatementPipeline.Check.changes(1, "two"));
        assertThat(readAsText(0)).hasSize(2);
    }

    private long countIn(Connection c) throws SQLException {
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows with ids from {@code first} to {@code first + 99}, every column as PostgreSQL prints it, ids made relative. */
    private List<String> readAsText(long first) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id - " + first + ", label, amount::text, (at AT TIME ZONE 'UTC')::text, day::text, ref::text, flag::text FROM " + table
                     + " WHERE id >= " + first + " AND id < " + (first + 100) + " ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 7; i++) {
                    String v = rs.getString(i);
                    row.append(i == 1 ? "" : "|").append(v == null ? "" : v);
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
