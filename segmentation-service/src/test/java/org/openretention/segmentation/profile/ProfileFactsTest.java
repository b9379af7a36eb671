package org.openretention.segmentation.profile;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileFactsTest {

    static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void orderDatesAreSetExactlyWhenThereAreOrders() {
        assertThat(Profiles.customer().orders(2, T, T.plusSeconds(60), "50").build().hasOrdered()).isTrue();
        assertThat(Profiles.customer().registered(T).build().hasOrdered()).isFalse();

        assertThatThrownBy(() -> Profiles.customer().orders(0, T, T, "0").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order dates");
        assertThatThrownBy(() -> Profiles.customer().orders(1, null, null, "10").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order dates");
        assertThatThrownBy(() -> Profiles.customer().orders(2, T, T.minusSeconds(1), "10").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its first order");
    }

    @Test
    void recentOrdersCannotOutnumberAllOrdersAndSharesAreFractions() {
        assertThatThrownBy(() -> Profiles.customer().orders(2, T, T, "10").ordersLast90d(3).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Profiles.customer().orders(2, T, T, "10").discountedOrderShare("1.5").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discountedOrderShare");
    }
}
