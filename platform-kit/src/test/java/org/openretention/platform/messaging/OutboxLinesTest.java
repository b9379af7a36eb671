package org.openretention.platform.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The escaping of record keys and event types in the lines of an outbox row (V0_4). */
class OutboxLinesTest {

    @Test
    void keysWithTabsNewlinesAndBackslashesComeBackUnchanged() {
        for (String key : new String[]{"c-1", "", "tab\there", "new\nline", "back\\slash", "\\t literally", "\\\\\t\n\r 顾客 \uD83D\uDE00", "end\\"}) {
            String escaped = Outbox.escape(key);
            assertThat(escaped).doesNotContain("\t").doesNotContain("\n");
            assertThat(Outbox.unescape(escaped)).isEqualTo(key);
        }
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String key = "customer-42";
        assertThat(Outbox.escape(key)).isSameAs(key);
        assertThat(Outbox.unescape(key)).isSameAs(key);
    }
}
