package org.openretention.segmentation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Customers drawn from the models' own stories, for tests that a fit finds the parameters it was given. */
public final class Simulation {

    private Simulation() {
    }

    /**
     * BG/NBD customers with first purchases spread over 12 weeks and a calibration end 39 weeks after the first
     * of them, in whole days; mean repeat values drawn from a Gamma-Gamma with p = 6, q = 4, γ = 15.
     */
    static List<CustomerSummary> bgNbdCustomers(BgNbd model, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int calibrationEnd = 273;
        List<CustomerSummary> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int firstDay = random.nextInt(84);
            double rate = gamma(random, model.r()) / model.alpha();
            double a = gamma(random, model.a());
            double dropout = a / (a + gamma(random, model.b()));
            double scale = gamma(random, 4) / 15;
            double time = firstDay;
            int lastDay = firstDay;
            int repeats = 0;
            double spend = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / rate * 7;
                int day = (int) Math.floor(time);
                if (day > calibrationEnd) {
                    break;
                }
                if (day != lastDay) {
                    repeats++;
                    spend += gamma(random, 6) / scale;
                    lastDay = day;
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                }
            }
            customers.add(new CustomerSummary("c" + i, repeats, (lastDay - firstDay) / 7.0,
                    (calibrationEnd - firstDay) / 7.0, repeats == 0 ? 0 : spend / repeats));
        }
        return customers;
    }

    /** One purchase of {@link #bgNbdPurchases}: the customer, the day (from the first day of the population) and its value. */
    public record SimulatedPurchase(String customerId, int orderNo, int day, double amount) {
    }

    /**
     * Purchase histories told by a BG/NBD (Gamma(r, alpha) weekly purchase rates, Beta(a, b) dropout after each repeat
     * day) with first purchases spread over the first 12 weeks, followed to day {@code lastDay}; order values
     * Gamma-Gamma with p = 6, q = 4, γ = 15 (a mean of 30). Customers are named {@code prefix + i}.
     */
    public static List<SimulatedPurchase> bgNbdPurchases(SplittableRandom random, String prefix, int customers, int lastDay,
                                                         double r, double alpha, double a, double b) {
        List<SimulatedPurchase> purchases = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String customer = prefix + i;
            int firstDay = random.nextInt(84);
            double rate = gamma(random, r) / alpha;
            double p = gamma(random, a);
            double dropout = p / (p + gamma(random, b));
            double scale = gamma(random, 4) / 15;
            int n = 0;
            purchases.add(new SimulatedPurchase(customer, n++, firstDay, gamma(random, 6) / scale));
            double time = firstDay;
            int previousDay = firstDay;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / rate * 7;
                int day = (int) Math.floor(time);
                if (day > lastDay) {
                    break;
                }
                if (day != previousDay) {
                    purchases.add(new SimulatedPurchase(customer, n++, day, gamma(random, 6) / scale));
                    previousDay = day;
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                }
            }
        }
        return purchases;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, with the boost {@code U^(1/shape)} below shape 1. */
    public static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
