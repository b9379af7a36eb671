package org.openretention.platform.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextTest {

    private static String row(CopyText.Writer writer) {
        return writer.endRow().toString();
    }

    @Test
    void fieldsAreSeparatedByTabsAndRowsEndWithANewline() {
        CopyText.Writer w = new CopyText.Writer();
        w.field("a").field(1L).nullField().endRow();
        w.field("b").field(-2L).field("").endRow();

        assertThat(w.toString()).isEqualTo("a\t1\t\\N\nb\t-2\t\n");
        assertThat(w.rows()).isEqualTo(2);
    }

    @Test
    void rowsBeyondOneChunkComeOutWholeAndInOrder() {
        CopyText.Writer w = new CopyText.Writer(64);
        StringBuilder expected = new StringBuilder();
        Random random = new Random(3);
        while (expected.length() < 3 * CopyText.Writer.CHUNK) {
            long start = expected.length();
            String text = "row-" + random.nextInt() + "\t" + "顾客".repeat(random.nextInt(40)) + "x".repeat(random.nextInt(3000));
            String json = "{\"n\":" + random.nextInt() + ",\"s\":\"a\\\\b\"}";
            w.field(text).fieldUtf8(json.getBytes(StandardCharsets.UTF_8)).field(start).endRow();
            expected.append(text.replace("\t", "\\t")).append('\t')
                    .append(json.replace("\\", "\\\\")).append('\t')
                    .append(start).append('\n');
        }
        assertThat(w.rows()).isGreaterThan(100);
        assertThat(w.toString()).isEqualTo(expected.toString());
        assertThat(w.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        assertThat(row(new CopyText.Writer().field("a\tb\nc\rd\\e"))).isEqualTo("a\\tb\\nc\\rd\\\\e\n");
        assertThat(row(new CopyText.Writer().field("\\"))).isEqualTo("\\\\\n");
        assertThat(row(new CopyText.Writer().field("\\."))).isEqualTo("\\\\.\n"); // not the end-of-data marker
        assertThat(row(new CopyText.Writer().field("{\"a\":\"x\\ny\\\\z\"}"))).isEqualTo("{\"a\":\"x\\\\ny\\\\\\\\z\"}\n");
    }

    @Test
    void nullIsDistinctFromTheTextBackslashNAndFromEmptyText() {
        assertThat(row(new CopyText.Writer().field((String) null))).isEqualTo("\\N\n");
        assertThat(row(new CopyText.Writer().field("\\N"))).isEqualTo("\\\\N\n");
        assertThat(row(new CopyText.Writer().field(""))).isEqualTo("\n");
        assertThat(row(new CopyText.Writer().fieldUtf8(null).field((UUID) null).field((Instant) null)
                .field((BigDecimal) null).field((LocalDate) null))).isEqualTo("\\N\t\\N\t\\N\t\\N\t\\N\n");
    }

    @Test
    void textIsUtf8IncludingChineseAndCharactersOutsideTheBasicPlane() {
        String text = "顾客 订单 ü é ß € \uD83D\uDE00 𠀋";
        CopyText.Writer w = new CopyText.Writer().field(text).endRow();

        assertThat(w.toByteArray()).isEqualTo((text + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(w.toString()).isEqualTo(text + "\n");
    }

    @Test
    void longTextGrowsTheBufferWhateverItsMixOfCharacters() {
        // a small initial buffer, and text whose UTF-8 is three times its length before the ASCII and escapes
        String text = "中".repeat(3000) + "plain\tascii\\" + "é".repeat(500) + "\uD83D\uDE00".repeat(300) + "end";
        String escaped = text.replace("\\", "\\\\").replace("\t", "\\t");
        CopyText.Writer w = new CopyText.Writer(16).field(text).fieldUtf8(text.getBytes(StandardCharsets.UTF_8)).endRow();

        assertThat(w.toString()).isEqualTo(escaped + "\t" + escaped + "\n");
    }

    @Test
    void anUnpairedSurrogateBecomesAQuestionMarkAsInStringGetBytes() {
        String text = "a\uD83Db\uDE00c\uD83D";
        assertThat(new CopyText.Writer().field(text).endRow().toByteArray()).isEqualTo((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyTextEncodesLikeEscapingFollowedByStringGetBytes() {
        Random random = new Random(42);
        char[] special = {'\\', '\t', '\n', '\r', 'N', '.', '"', 'a', 'é', '中', '\uD83D', '\uDE00', '\u07FF', '\u0800', '\uFFFF'};
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                s.append(random.nextBoolean() ? special[random.nextInt(special.length)] : (char) (1 + random.nextInt(0xFFFE)));
            }
            String text = s.toString();
            byte[] expected = (escaped(text) + "\n").getBytes(StandardCharsets.UTF_8);

            assertThat(new CopyText.Writer(16).field(text).endRow().toByteArray()).as("field(%s)", text).isEqualTo(expected);
            assertThat(new CopyText.Writer(16).fieldUtf8(text.getBytes(StandardCharsets.UTF_8)).endRow().toByteArray())
                    .as("fieldUtf8(%s)", text).isEqualTo(expected);
        }
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThatThrownBy(() -> new CopyText.Writer().field("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyText.Writer().fieldUtf8(new byte[]{'a', 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instantsAreUtcWithMicrosecondsRoundedHalfUp() {
        assertThat(row(new CopyText.Writer().field(Instant.parse("2025-03-01T09:15:00.123456789Z"))))
                .isEqualTo("2025-03-01 09:15:00.123457+00\n");
        assertThat(row(new CopyText.Writer().field(Instant.parse("2025-03-01T09:15:00.123456499Z"))))
                .isEqualTo("2025-03-01 09:15:00.123456+00\n");
        assertThat(row(new CopyText.Writer().field(Instant.parse("1999-12-31T23:59:59.9999995Z"))))
                .isEqualTo("2000-01-01 00:00:00.000000+00\n");
        assertThat(row(new CopyText.Writer().field(Instant.EPOCH))).isEqualTo("1970-01-01 00:00:00.000000+00\n");
        assertThat(row(new CopyText.Writer().field(Instant.parse("0001-01-01T00:00:00Z")))).isEqualTo("0001-01-01 00:00:00.000000+00\n");
        assertThat(row(new CopyText.Writer().field(Instant.MAX).field(Instant.MIN))).isEqualTo("infinity\t-infinity\n");
        assertThatThrownBy(() -> new CopyText.Writer().field(Instant.parse("+10000-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyText.Writer().field(Instant.parse("-0001-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesNumbersUuidsAndBooleans() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(row(new CopyText.Writer()
                .field(LocalDate.of(2024, 2, 29)).field(LocalDate.of(5, 1, 9)).field(LocalDate.MAX).field(LocalDate.MIN)))
                .isEqualTo("2024-02-29\t0005-01-09\tinfinity\t-infinity\n");
        assertThat(row(new CopyText.Writer()
                .field(new BigDecimal("1E+3")).field(new BigDecimal("-0.00100")).field(new BigDecimal("12345678901234567890.5"))))
                .isEqualTo("1000\t-0.00100\t12345678901234567890.5\n");
        assertThat(row(new CopyText.Writer().field(Long.MIN_VALUE).field(Long.MAX_VALUE).field(0)))
                .isEqualTo("-9223372036854775808\t9223372036854775807\t0\n");
        assertThat(row(new CopyText.Writer().field(id).field(true).field(false)))
                .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e\tt\tf\n");
        assertThatThrownBy(() -> new CopyText.Writer().field(LocalDate.of(10000, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRowHasAsManyFieldsAsTheFirst() {
        CopyText.Writer w = new CopyText.Writer().field("a").field("b").endRow();

        assertThatThrownBy(() -> w.field("c").endRow()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CopyText.Writer().endRow()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBufferGrowsFromAnySize() {
        CopyText.Writer w = new CopyText.Writer(1);
        String longText = "中".repeat(10_000) + "\\".repeat(10_000);
        w.field(longText).field(42).endRow();

        assertThat(w.toString()).isEqualTo(longText.replace("\\", "\\\\") + "\t42\n");
    }

    @Test
    void clearForgetsEverything() {
        CopyText.Writer w = new CopyText.Writer().field("a").field("b").endRow();
        w.clear();
        w.field("c").endRow(); // one field is fine again after clear

        assertThat(w.toString()).isEqualTo("c\n");
        assertThat(w.rows()).isEqualTo(1);
    }

    @Test
    void theCopyStatementTakesOnlyPlainNames() {
        assertThat(CopyText.copyStatement("platform_outbox", List.of("event_id", "payload")))
                .isEqualTo("COPY platform_outbox (event_id, payload) FROM STDIN");
        assertThat(CopyText.copyStatement("public.ledger_entry", List.of("id"))).isEqualTo("COPY public.ledger_entry (id) FROM STDIN");
        assertThatThrownBy(() -> CopyText.copyStatement("t; DROP TABLE x", List.of("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CopyText.copyStatement("t", List.of("a) FROM PROGRAM 'x' --"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CopyText.copyStatement("t", List.of("s.a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CopyText.copyStatement("t", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
