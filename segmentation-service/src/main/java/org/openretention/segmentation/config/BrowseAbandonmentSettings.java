package org.openretention.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of browse abandonment ({@code repurchase/BrowseAbandonment}, {@code service/BrowseAbandonmentSweep}). */
@ConfigMapping(prefix = "segmentation.browse-abandonment")
public interface BrowseAbandonmentSettings {

    /** How long after a session's last view or cart add an order still converts it; the session is abandoned after. */
    @WithDefault("PT24H")
    Duration orderWindow();

    /** A view or cart add this long or longer after the previous one starts a new session; at most the order window. */
    @WithDefault("PT30M")
    Duration sessionGap();

    /**
     * How long a decided session (published, or converted) is remembered after its last activity, so that a view or
     * cart add arriving this late still joins it instead of being published as a session of its own; views and cart
     * adds older than this before the evaluation's {@code asOf} are deleted whatever their session.
     */
    @WithDefault("P7D")
    Duration keepDecidedSessions();

    /**
     * How long after its order window closed an abandoned session is still published. Older ones are recorded as
     * decided but not published: the first evaluation of an imported history (or one after a longer outage) would
     * otherwise remind every customer of every visit they ever left (136,213 reminders for the local stack's two
     * years of simulated history), long after any reminder could help.
     */
    @WithDefault("P7D")
    Duration publishWithin();
}
