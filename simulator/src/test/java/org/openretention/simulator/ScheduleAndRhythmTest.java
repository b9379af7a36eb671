package org.openretention.simulator;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScheduleAndRhythmTest {

    @Test
    void registrationsIncreaseWithTheIndexAndStayInTheWindow() {
        SimulationConfig config = SimulationConfig.of(1, 20_000, Generated.NOW, 730);
        RegistrationSchedule s = new RegistrationSchedule(config);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long t = s.timeOf(i);
            assertThat(t).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(config.startMillis()).isLessThan(config.nowMillis());
            previous = t;
        }
        assertThat(s.initialCustomers()).isEqualTo(6000);
        assertThat(s.timeOf(5999)).isLessThan(config.startMillis() + Diurnal.HOUR_MS);
        // newcomers of the second year outnumber those of the first (the shop grows)
        long mid = config.startMillis() + (config.nowMillis() - config.startMillis()) / 2;
        int firstYear = 0;
        for (int i = 6000; i < 20_000; i++) {
            firstYear += s.timeOf(i) < mid ? 1 : 0;
        }
        assertThat(firstYear).isBetween(4500, 6500);
        // beyond the population: after the window, still increasing
        assertThat(s.timeOf(20_000)).isGreaterThanOrEqualTo(config.nowMillis());
        assertThat(s.timeOf(20_001)).isGreaterThan(s.timeOf(20_000));
        assertThat(s.workFraction(config.startMillis())).isZero();
        assertThat(s.workFraction(config.nowMillis())).isEqualTo(1.0);
        assertThat(s.workFraction(mid)).isBetween(0.25, 0.5);
    }

    @Test
    void withoutAHistoryEverybodyIsThereAtTheStart() {
        RegistrationSchedule s = new RegistrationSchedule(SimulationConfig.of(1, 100, Generated.NOW, 0));
        assertThat(s.initialCustomers()).isEqualTo(100);
        assertThat(s.timeOf(99)).isEqualTo(Generated.NOW.toEpochMilli());
        assertThat(s.timeOf(100)).isGreaterThanOrEqualTo(Generated.NOW.toEpochMilli());
    }

    @Test
    void activityTimeRoundTripsAndKeepsWholeDays() {
        long t0 = Instant.parse("2025-05-01T00:00:00Z").toEpochMilli();
        for (int offset : new int[]{8, 1, -5, 0}) {
            for (long t = t0; t < t0 + 3 * Diurnal.DAY_MS; t += 7 * 60_000 + 13) {
                double a = Diurnal.toActivity(t, offset);
                assertThat(Diurnal.fromActivity(a, offset)).isCloseTo(t, within(2L));
            }
            assertThat(Diurnal.toActivity(t0 + Diurnal.DAY_MS, offset) - Diurnal.toActivity(t0, offset)).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void shoppingHappensMostlyInTheLocalEvening() {
        CustomerRandom rng = new CustomerRandom(9);
        int[] perLocalHour = new int[24];
        double a = Diurnal.toActivity(Instant.parse("2025-05-01T00:00:00Z").toEpochMilli(), 8);
        for (int i = 0; i < 50_000; i++) {
            a += rng.exponential(0.1);
            long t = Diurnal.fromActivity(a, 8);
            int hour = (int) Math.floorMod((t + 8 * Diurnal.HOUR_MS) / Diurnal.HOUR_MS, 24L);
            perLocalHour[hour]++;
        }
        assertThat(perLocalHour[21]).isGreaterThan(5 * perLocalHour[4]);
        assertThat(perLocalHour[20] + perLocalHour[21]).isGreaterThan(perLocalHour[9] + perLocalHour[10]);
    }

    @Test
    void idsAndCodes() {
        assertThat(CustomerIds.customerId(122)).isEqualTo("c-000123");
        assertThat(CustomerIds.customerId(999_999)).isEqualTo("c-1000000");
        assertThat(CustomerIds.indexOf("c-000123")).isEqualTo(122);
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = CustomerIds.referralCode(42, i);
            assertThat(code).hasSize(7).matches("[0-9A-Z]+");
            codes.add(code);
        }
        assertThat(codes).hasSize(100_000);
        assertThat(CustomerIds.referralCode(43, 0)).isNotEqualTo(CustomerIds.referralCode(42, 0));
    }

    @Test
    void customerRandomDependsOnlyOnSeedStreamAndIndex() {
        CustomerRandom a = new CustomerRandom(42, 1, 7);
        CustomerRandom b = new CustomerRandom(42, 1, 7);
        CustomerRandom c = new CustomerRandom(42, 1, 8);
        long[] x = {a.nextLong(), a.nextLong()};
        assertThat(new long[]{b.nextLong(), b.nextLong()}).isEqualTo(x);
        assertThat(c.nextLong()).isNotEqualTo(x[0]);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = a.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            sum += u;
        }
        assertThat(sum / 100_000).isCloseTo(0.5, within(0.01));
    }
}
