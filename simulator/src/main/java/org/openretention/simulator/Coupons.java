package org.openretention.simulator;

import org.openretention.simulator.Catalogue.Currency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which coupon, if any, a customer redeems with an order. Price-sensitive customers use one most of the time;
 * others now and then, more during the shop's sales (Singles' Day 11.11, the 618 mid-year sale and the Spring
 * Festival for the Chinese market; Black Friday, summer and New Year sales elsewhere). Codes are either a percentage
 * off or a fixed amount off above a threshold (the Chinese "满减"); a discount never exceeds half the order.
 */
final class Coupons {

    record Coupon(String code, long discountMinor) {
    }

    private Coupons() {
    }

    static Coupon choose(CustomerBehaviour c, long t, long amountMinor, boolean firstOrder, CustomerRandom rng) {
        Market market = c.market;
        boolean chineseMarket = market.currency == Currency.CNY;
        LocalDate day = Instant.ofEpochMilli(t).atOffset(ZoneOffset.ofHours(market.utcOffsetHours)).toLocalDate();
        String sale = saleCode(day, chineseMarket);
        double p = c.priceSensitive() ? (sale != null ? 0.95 : 0.75) : (sale != null ? 0.35 : 0.08);
        if (firstOrder && rng.chance(c.priceSensitive() ? 0.9 : 0.4)) {
            return percent("WELCOME10", 10, amountMinor);
        }
        if (!rng.chance(p)) {
            return null;
        }
        if (sale != null) {
            if (sale.startsWith("DOUBLE11") && amountMinor >= 300_00) {
                return fixed(sale, 50_00, amountMinor);
            }
            int pct = sale.startsWith("BLACKFRIDAY") ? 20 : sale.startsWith("MID618") || sale.startsWith("SUMMER") ? 15 : 10;
            return percent(sale, pct, amountMinor);
        }
        double u = rng.nextDouble();
        if (chineseMarket) {
            if (u < 0.35 && amountMinor >= 399_00) {
                return fixed("MANJIAN60", 60_00, amountMinor);
            }
            if (u < 0.55 && amountMinor >= 199_00) {
                return fixed("MANJIAN30", 30_00, amountMinor);
            }
        } else {
            if (u < 0.35 && amountMinor >= 80_00) {
                return fixed("TAKE10", 10_00, amountMinor);
            }
            if (u < 0.55 && amountMinor >= 40_00) {
                return fixed("TAKE5", 5_00, amountMinor);
            }
        }
        return c.orders() >= 3 && rng.chance(0.4) ? percent("VIP15", 15, amountMinor) : percent("SAVE10", 10, amountMinor);
    }

    static String saleCode(LocalDate d, boolean chineseMarket) {
        int m = d.getMonthValue();
        int dom = d.getDayOfMonth();
        int year = d.getYear();
        if (chineseMarket) {
            if (m == 11 && dom <= 11) {
                return "DOUBLE11-" + year;
            }
            if (m == 6 && dom <= 18) {
                return "MID618-" + year;
            }
            if ((m == 1 && dom >= 20) || (m == 2 && dom <= 10)) {
                return "SPRING-" + year;
            }
            return null;
        }
        if ((m == 11 && dom >= 24) || (m == 12 && dom == 1)) {
            return "BLACKFRIDAY" + (year % 100);
        }
        if (m == 7 && dom <= 15) {
            return "SUMMER" + (year % 100);
        }
        if ((m == 12 && dom >= 26) || (m == 1 && dom <= 3)) {
            return "NEWYEAR" + ((m == 12 ? year + 1 : year) % 100);
        }
        return null;
    }

    private static Coupon percent(String code, int pct, long amountMinor) {
        long discount = amountMinor * pct / 100;
        return discount > 0 ? new Coupon(code, discount) : null;
    }

    private static Coupon fixed(String code, long off, long amountMinor) {
        long discount = Math.min(off, amountMinor / 2);
        return discount > 0 ? new Coupon(code, discount) : null;
    }
}
