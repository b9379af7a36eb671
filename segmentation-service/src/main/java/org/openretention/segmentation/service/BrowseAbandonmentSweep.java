package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.segments.BrowseAbandoned;
import org.openretention.platform.messaging.Outbox;
import org.openretention.segmentation.config.BrowseAbandonmentSettings;
import org.openretention.segmentation.config.EvaluationSettings;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.repurchase.BrowseAbandonment;
import org.openretention.segmentation.repurchase.BrowseAbandonmentSql;
import org.openretention.segmentation.store.NamedSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The evaluation's browse-abandonment step: decides, set-based ({@link BrowseAbandonmentSql}), the browsing sessions
 * whose order window is over as of {@code asOf}, publishes a {@link BrowseAbandoned} per abandoned one through the
 * outbox, records them all so that none is published twice, and deletes their views and cart adds. Runs on the
 * evaluation's connection, in its transaction: the records, the deletions and the events commit together.
 */
@ApplicationScoped
public class BrowseAbandonmentSweep {

    private static final Logger LOG = Logger.getLogger(BrowseAbandonmentSweep.class);

    /** What one sweep did. */
    public record Result(long decided, int published) {
    }

    private final Outbox outbox;
    private final String source;
    private final int chunk;
    private final BrowseAbandonmentSql sql;

    @Inject
    public BrowseAbandonmentSweep(Outbox outbox, SegmentationConfig config, BrowseAbandonmentSettings settings,
                                  EvaluationSettings evaluation) {
        this.outbox = outbox;
        this.source = config.eventSource();
        this.chunk = Math.max(1, evaluation.publishChunk());
        this.sql = new BrowseAbandonmentSql(new BrowseAbandonment(settings.orderWindow(), settings.sessionGap()),
                settings.keepDecidedSessions(), settings.publishWithin());
    }

    /** Decides the sessions closed as of {@code asOf} and publishes the abandoned ones, in the caller's transaction on {@code c}. */
    public Result publishAbandoned(Connection c, Instant asOf) throws SQLException {
        Map<String, Object> parameters = Map.of("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        long decided = execute(c, sql.decide(), parameters);
        execute(c, sql.record(), parameters);
        int published = 0;
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (PreparedStatement s = NamedSql.parse(sql.toPublish()).prepare(c, parameters)) {
            s.setFetchSize(Math.min(chunk, 10_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(EventEnvelope.of(rs.getString("customer_id"), asOf, source, new BrowseAbandoned(
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("last_at", OffsetDateTime.class).toInstant(),
                            Arrays.asList((String[]) rs.getArray("product_ids").getArray()),
                            rs.getInt("cart_adds"), rs.getInt("views"))));
                    if (events.size() >= chunk) {
                        outbox.publishAll(Topics.SEGMENT_EVENTS, events);
                        published += events.size();
                        events = new ArrayList<>();
                    }
                }
            }
        }
        outbox.publishAll(Topics.SEGMENT_EVENTS, events);
        published += events.size();
        execute(c, sql.deleteDecided(), parameters);
        for (String prune : sql.prune()) {
            execute(c, prune, parameters);
        }
        LOG.debugf("Browse abandonment as of %s: %d sessions decided, %d published", asOf, decided, published);
        return new Result(decided, published);
    }

    private static long execute(Connection c, String statement, Map<String, ?> parameters) throws SQLException {
        try (PreparedStatement s = NamedSql.parse(statement).prepare(c, parameters)) {
            s.execute();
            return Math.max(0, s.getUpdateCount());
        }
    }
}
