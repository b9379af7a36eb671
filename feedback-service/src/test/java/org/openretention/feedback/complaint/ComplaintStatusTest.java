package org.openretention.feedback.complaint;

import org.junit.jupiter.api.Test;
import org.openretention.feedback.complaint.ComplaintStatus.Action;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every action from every status: the allowed ones lead where the lifecycle says, the others are refused. */
class ComplaintStatusTest {

    private static final Map<ComplaintStatus, Map<Action, ComplaintStatus>> ALLOWED = Map.of(
            ComplaintStatus.OPEN, Map.of(Action.ACKNOWLEDGE, ComplaintStatus.ACKNOWLEDGED),
            ComplaintStatus.ACKNOWLEDGED, Map.of(Action.RESOLVE, ComplaintStatus.RESOLVED),
            ComplaintStatus.RESOLVED, Map.of(Action.CLOSE, ComplaintStatus.CLOSED, Action.REOPEN, ComplaintStatus.REOPENED),
            ComplaintStatus.CLOSED, Map.of(Action.REOPEN, ComplaintStatus.REOPENED),
            ComplaintStatus.REOPENED, Map.of(Action.ACKNOWLEDGE, ComplaintStatus.ACKNOWLEDGED));

    @Test
    void everyStepIsAllowedOrRefused() {
        int allowed = 0;
        int refused = 0;
        for (ComplaintStatus from : ComplaintStatus.values()) {
            for (Action action : Action.values()) {
                ComplaintStatus expected = ALLOWED.get(from).get(action);
                if (expected != null) {
                    assertThat(from.after(action)).as("%s then %s", from, action).isEqualTo(expected);
                    allowed++;
                } else {
                    assertThatThrownBy(() -> from.after(action)).as("%s then %s", from, action)
                            .isInstanceOf(ComplaintStatus.IllegalTransition.class)
                            .satisfies(e -> assertThat(((ComplaintStatus.IllegalTransition) e).from()).isEqualTo(from));
                    refused++;
                }
            }
        }
        assertThat(allowed).isEqualTo(6);
        assertThat(refused).isEqualTo(14);
        assertThatThrownBy(() -> ComplaintStatus.CLOSED.after(Action.RESOLVE)).hasMessage("a complaint that is CLOSED cannot be resolved");
    }

    @Test
    void openMeansWaitingForSupport() {
        assertThat(ComplaintStatus.OPEN.open()).isTrue();
        assertThat(ComplaintStatus.ACKNOWLEDGED.open()).isTrue();
        assertThat(ComplaintStatus.REOPENED.open()).isTrue();
        assertThat(ComplaintStatus.RESOLVED.open()).isFalse();
        assertThat(ComplaintStatus.CLOSED.open()).isFalse();
    }
}
