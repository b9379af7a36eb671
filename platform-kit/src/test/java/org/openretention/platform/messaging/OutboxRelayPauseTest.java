package org.openretention.platform.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's pause between looks: short while events come, doubling up to the idle interval when none do. */
class OutboxRelayPauseTest {

    @Test
    void thePauseDoublesWhileNothingComesAndIsShortAgainOnceSomethingIsSent() {
        long pause = 500;
        long[] idle = new long[6];
        for (int i = 0; i < idle.length; i++) {
            pause = OutboxRelay.nextPause(pause, 0, 500, 5000);
            idle[i] = pause;
        }
        assertThat(idle).containsExactly(1000, 2000, 4000, 5000, 5000, 5000);
        assertThat(OutboxRelay.nextPause(pause, 3, 500, 5000)).as("events sent: back to the poll interval").isEqualTo(500);
        assertThat(OutboxRelay.nextPause(500, 0, 500, 100)).as("an idle interval below the poll interval").isEqualTo(500);
    }
}
