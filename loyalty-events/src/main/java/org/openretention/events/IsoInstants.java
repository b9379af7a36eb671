package org.openretention.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes the one timestamp form events use, {@code 2025-03-14T09:26:53.123Z}, without the general
 * {@link java.time.format.DateTimeFormatter} machinery: parsing an event's time that way cost about a fifth of
 * decoding an event (profiled in the loyalty benchmark). Anything else is left to {@link Instant#parse}.
 */
public final class IsoInstants {

    private IsoInstants() {
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+00:00)} directly, other ISO-8601 instants with
     * {@link Instant#parse}.
     *
     * @throws DateTimeException when it is not a valid instant
     */
    public static Instant parse(String s) {
        int n = s.length();
        int end = s.endsWith("Z") ? n - 1 : s.endsWith("+00:00") ? n - 6 : -1;
        if (end < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(s); // leap seconds, 24:00 and the like: the general parser decides
        }
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return Instant.parse(s);
            }
            int fraction = digits(s, 20, end);
            if (fraction < 0) {
                return Instant.parse(s);
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay(); // throws on 2025-02-30
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Writes instants as {@link Instant#toString()} does (ISO-8601 in UTC), which is what Jackson's default writes. */
    static final class Serializer extends StdSerializer<Instant> {
        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
