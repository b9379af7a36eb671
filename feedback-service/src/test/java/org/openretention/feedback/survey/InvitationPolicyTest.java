package org.openretention.feedback.survey;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom the surveys ask, with every input given. */
class InvitationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final InvitationPolicy EVERYONE = new InvitationPolicy(Duration.ofDays(90), 1.0, 1.0);

    @Test
    void npsAtMostOncePerQuietPeriod() {
        assertThat(EVERYONE.afterOrder("c1", "e1", NOW, null, false)).contains(new InvitationPolicy.Invitation(InvitationPolicy.Survey.NPS, null));
        assertThat(EVERYONE.afterOrder("c1", "e2", NOW, NOW.minus(Duration.ofDays(89)), false)).as("asked 89 days ago").isEmpty();
        assertThat(EVERYONE.afterOrder("c1", "e3", NOW, NOW.minus(Duration.ofDays(90)), false)).as("90 days ago").isPresent();
    }

    @Test
    void nobodyWithAnOpenComplaintIsAsked() {
        assertThat(EVERYONE.afterOrder("c1", "e1", NOW, null, true)).isEmpty();
        assertThat(EVERYONE.afterTouchpoint("c1", "e1", "SUPPORT", true)).isEmpty();
        assertThat(EVERYONE.afterTouchpoint("c1", "e1", "DELIVERY", false))
                .contains(new InvitationPolicy.Invitation(InvitationPolicy.Survey.CSAT, "DELIVERY"));
    }

    @Test
    void samplingIsAStableFractionOfTheEvents() {
        InvitationPolicy fifth = InvitationPolicy.defaults();
        int asked = 0;
        for (int i = 0; i < 20_000; i++) {
            if (fifth.afterOrder("c" + i, "e" + i, NOW, null, false).isPresent()) {
                asked++;
            }
        }
        assertThat(asked).as("a fifth of 20,000, within about 4 standard deviations").isBetween(3_780, 4_220);
        for (int i = 0; i < 100; i++) {
            assertThat(fifth.afterOrder("c" + i, "e" + i, NOW, null, false))
                    .as("the same event decides the same way").isEqualTo(fifth.afterOrder("c" + i, "e" + i, NOW, null, false));
        }
        assertThat(new InvitationPolicy(Duration.ofDays(90), 0, 0).afterTouchpoint("c", "e", "SUPPORT", false)).isEmpty();
    }
}
