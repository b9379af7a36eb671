package org.openretention.segmentation.repurchase;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowseAbandonmentTest {

    static final Instant T = Instant.parse("2026-09-01T10:00:00Z");
    static final BrowseAbandonment RULE = BrowseAbandonment.defaults();
    static final Instant MUCH_LATER = T.plus(Duration.ofDays(10));

    static BrowseEvent view(long minutes, String product) {
        return new BrowseEvent(T.plus(Duration.ofMinutes(minutes)), BrowseEvent.Kind.PRODUCT_VIEW, product);
    }

    static BrowseEvent cartAdd(long minutes, String product) {
        return new BrowseEvent(T.plus(Duration.ofMinutes(minutes)), BrowseEvent.Kind.CART_ADD, product);
    }

    static Instant minutes(long minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void manyViewsInOneVisitAreOneAbandonedSession() {
        List<BrowseEvent> visit = List.of(view(0, "A"), view(5, "B"), view(12, "A"), cartAdd(20, "B"), view(45, "C"));

        assertThat(RULE.abandoned(visit, List.of(), MUCH_LATER)).singleElement().isEqualTo(new AbandonedSession(
                minutes(0), minutes(45), minutes(45).plus(Duration.ofHours(24)), 4, 1, List.of("A", "B", "C")));
    }

    @Test
    void aGapOfThirtyMinutesOrMoreStartsANewSession() {
        List<BrowseEvent> browsing = List.of(view(0, "A"), view(29, "B"), view(59, "C"), view(200, "D"));

        assertThat(RULE.sessions(browsing)).extracting(List::size).as("29 min joins, 30 min splits").containsExactly(2, 1, 1);
        assertThat(RULE.abandoned(browsing, List.of(), MUCH_LATER)).extracting(AbandonedSession::startedAt)
                .containsExactly(minutes(0), minutes(59), minutes(200));
    }

    @Test
    void anOrderUpTo24HoursAfterTheLastEventConvertsTheSession() {
        List<BrowseEvent> visit = List.of(view(0, "A"), cartAdd(10, "A"));
        Instant windowEnd = minutes(10).plus(Duration.ofHours(24));

        assertThat(RULE.abandoned(visit, List.of(windowEnd), MUCH_LATER)).as("order at the end of the window").isEmpty();
        assertThat(RULE.abandoned(visit, List.of(minutes(5)), MUCH_LATER)).as("order during the session").isEmpty();
        assertThat(RULE.abandoned(visit, List.of(windowEnd.plusSeconds(1)), MUCH_LATER)).hasSize(1);
        assertThat(RULE.abandoned(visit, List.of(minutes(-1)), MUCH_LATER)).as("an order before the session does not count").hasSize(1);
    }

    @Test
    void aSessionIsOnlyAbandonedOnceItsWindowIsOver() {
        List<BrowseEvent> visit = List.of(view(0, "A"));
        Instant windowEnd = minutes(0).plus(Duration.ofHours(24));

        assertThat(RULE.abandoned(visit, List.of(), windowEnd.minusSeconds(1))).isEmpty();
        assertThat(RULE.abandoned(visit, List.of(), windowEnd)).hasSize(1);
    }

    @Test
    void eventsMayArriveInAnyOrder() {
        List<BrowseEvent> shuffled = List.of(view(45, "C"), view(0, "A"), cartAdd(20, "B"));

        assertThat(RULE.abandoned(shuffled, List.of(), MUCH_LATER)).singleElement()
                .satisfies(s -> assertThat(s.products()).containsExactly("A", "B", "C"))
                .satisfies(s -> assertThat(s.hasCartAdds()).isTrue());
    }

    @Test
    void eachAbandonedSessionIsPublishedOnce() {
        List<BrowseEvent> browsing = List.of(view(0, "A"), view(300, "B"));
        Instant firstClosed = minutes(0).plus(Duration.ofHours(24));

        List<AbandonedSession> first = RULE.toPublish(browsing, List.of(), firstClosed, null);
        assertThat(first).extracting(AbandonedSession::startedAt).containsExactly(minutes(0));

        Instant later = minutes(300).plus(Duration.ofHours(24));
        assertThat(RULE.toPublish(browsing, List.of(), later, first.getLast().startedAt()))
                .extracting(AbandonedSession::startedAt).containsExactly(minutes(300));
        assertThat(RULE.toPublish(browsing, List.of(), later.plusSeconds(60), minutes(300))).isEmpty();
    }

    @Test
    void theWindowAndTheGapAreConfigurable() {
        BrowseAbandonment quick = new BrowseAbandonment(Duration.ofHours(2), Duration.ofMinutes(10));
        List<BrowseEvent> browsing = List.of(view(0, "A"), view(10, "B"));

        assertThat(quick.abandoned(browsing, List.of(minutes(10 + 121)), MUCH_LATER)).hasSize(2);
        assertThatThrownBy(() -> new BrowseAbandonment(Duration.ofMinutes(10), Duration.ofMinutes(30)))
                .as("a session could still grow after its window closed").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decidedSessionsAreRememberedAtLeastAsLongAsTheOrderWindow() {
        assertThatThrownBy(() -> new BrowseAbandonmentSql(RULE, Duration.ofHours(23)))
                .as("a session's record could go before its window closed").isInstanceOf(IllegalArgumentException.class);
        assertThat(new BrowseAbandonmentSql(RULE, Duration.ofDays(7)).decide())
                .contains("INTERVAL '86400000 milliseconds'").contains("INTERVAL '1800000 milliseconds'");
    }
}
