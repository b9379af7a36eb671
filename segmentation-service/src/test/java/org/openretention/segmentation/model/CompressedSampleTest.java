package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompressedSampleTest {

    @Test
    void customersWithEqualHistoriesBecomeOneWeightedRow() {
        List<CustomerSummary> customers = List.of(
                new CustomerSummary("a", 0, 0, 10, 0),
                new CustomerSummary("b", 0, 0, 10, 0),
                new CustomerSummary("c", 2, 3, 10, 12.5),
                new CustomerSummary("d", 2, 3, 10, 99),
                new CustomerSummary("e", 2, 4, 10, 12.5));

        CompressedSample sample = CompressedSample.of(customers);

        assertThat(sample.rows()).isEqualTo(3);
        assertThat(sample.customers()).isEqualTo(5);
        assertThat(sample.repeatTransactionsTotal()).isEqualTo(6);
        assertThat(sample.repeatTransactions(0)).isZero();
        assertThat(sample.weight(0)).isEqualTo(2);
        assertThat(sample.recency(1)).isEqualTo(3);
        assertThat(sample.weight(1)).isEqualTo(2);
        assertThat(sample.weight(2)).isEqualTo(1);
    }

    @Test
    void compressionLeavesTheLogLikelihoodsUnchanged() {
        List<CustomerSummary> customers = randomCustomers(2_000, 7);
        CompressedSample sample = CompressedSample.of(customers);
        assertThat(sample.rows()).isLessThan(customers.size() / 2);

        BgNbd bgNbd = new BgNbd(0.243, 4.414, 0.793, 2.426);
        ParetoNbd paretoNbd = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
        double bgNbdOneByOne = 0;
        double paretoNbdOneByOne = 0;
        for (CustomerSummary customer : customers) {
            bgNbdOneByOne += bgNbd.logLikelihood(customer);
            paretoNbdOneByOne += paretoNbd.logLikelihood(customer);
        }

        assertThat(bgNbd.logLikelihood(sample)).isCloseTo(bgNbdOneByOne, within(1e-9));
        assertThat(paretoNbd.logLikelihood(sample)).isCloseTo(paretoNbdOneByOne, within(1e-9));
    }

    /** Customers with whole-day times over a 39-week calibration, x up to 12: many share a history. */
    static List<CustomerSummary> randomCustomers(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int ageDays = 190 + random.nextInt(84);
            int x = random.nextInt(3) == 0 ? random.nextInt(1, 13) : 0;
            int recencyDays = x == 0 ? 0 : Math.max(x, random.nextInt(ageDays + 1));
            double meanValue = x == 0 ? 0 : 5 + random.nextInt(60) + 0.5 * random.nextInt(2);
            customers.add(new CustomerSummary("c" + i, x, recencyDays / 7.0, ageDays / 7.0, meanValue));
        }
        return customers;
    }
}
