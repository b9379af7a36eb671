package org.openretention.events;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @Test
    void parsesWhatInstantParseParses() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000_000_000));
            Instant truncated = switch (i % 4) {
                case 0 -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                case 1 -> t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                case 2 -> t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                default -> t;
            };
            String text = truncated.toString();
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            String offset = text.substring(0, text.length() - 1) + "+00:00";
            assertThat(IsoInstants.parse(offset)).as(offset).isEqualTo(Instant.parse(offset));
        }
        for (String text : new String[]{"2025-03-14T09:26:53.1Z", "2025-03-14T09:26:53.12Z", "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "2025-03-14T09:26:53.123+00:00"}) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void rejectsWhatInstantParseRejects() {
        for (String text : new String[]{"2025-02-30T10:00:00Z", "2025-13-01T10:00:00Z", "2025-03-14T25:00:00Z",
                "2025-03-14T09:26:53.1234567890Z", "2025-03-14 09:26:53Z", "2025-03-14T09:26:5xZ", "2025-03-14T09:26:53", "yesterday"}) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void writesInstantsAsBefore() throws Exception {
        var mapper = EventCodec.newObjectMapper();
        for (Instant t : new Instant[]{Instant.parse("2025-03-14T09:26:53Z"), Instant.parse("2025-03-14T09:26:53.120Z"),
                Instant.parse("2025-03-14T09:26:53.123456789Z"), Instant.EPOCH}) {
            assertThat(mapper.writeValueAsString(t)).isEqualTo("\"" + t + "\"");
        }
    }
}
