package org.openretention.benchmarks.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.openretention.benchmarks.loyalty.LoyaltyBench.progress;
import static org.openretention.benchmarks.loyalty.LoyaltyBench.putPercentiles;
import static org.openretention.benchmarks.loyalty.LoyaltyBench.result;

/** The benchmark's phases, one picocli subcommand each. */
final class Phases {

    private Phases() {
    }

    static Properties kafkaCommon(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "loyalty-bench");
        return p;
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs, String compression) {
        Properties p = kafkaCommon(bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        return new KafkaProducer<>(p);
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        return consumer(bootstrap, group, Map.of());
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group, Map<String, String> overrides) {
        Properties p = kafkaCommon(bootstrap);
        p.putAll(overrides);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Connection jdbc(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "reset-kafka", description = "Deletes every non-internal topic and every consumer group, then creates the given topics.")
    static final class ResetKafka implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--partitions", defaultValue = "12")
        int partitions;
        @Option(names = "--create", split = ",", defaultValue = "orders")
        List<String> create;

        @Override
        public Integer call() throws Exception {
            try (Admin admin = Admin.create(kafkaCommon(bootstrap))) {
                List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
                if (!groups.isEmpty()) {
                    admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
                }
                Set<String> topics = admin.listTopics().names().get();
                if (!topics.isEmpty()) {
                    admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!admin.listTopics().names().get().isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics still present after 60 s");
                    }
                    Thread.sleep(200);
                }
                List<NewTopic> fresh = create.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
                // a deleted topic's name can be refused for a moment while its deletion completes
                for (int attempt = 0; ; attempt++) {
                    try {
                        admin.createTopics(fresh).all().get(30, TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (attempt > 50) {
                            throw e;
                        }
                        Thread.sleep(200);
                    }
                }
                result("reset-kafka", Map.of("deleted_topics", topics.size(), "deleted_groups", groups.size(),
                        "created", String.join(",", create)));
            }
            return 0;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "pg-insert", description = "Raw PostgreSQL batched-insert rate into a scratch table shaped like ledger_entry.")
    static final class PgInsert implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--jdbc", required = true, description = "JDBC URL of a scratch database (reWriteBatchedInserts is added)")
        String url;
        @Option(names = "--rows", defaultValue = "1000000")
        long rows;
        @Option(names = "--batch", defaultValue = "1000", description = "rows per JDBC batch, one transaction per batch")
        int batch;
        @Option(names = "--customers", defaultValue = "100000")
        int customers;

        @Override
        public Integer call() throws Exception {
            String u = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            try (Connection c = jdbc(u)) {
                try (Statement s = c.createStatement()) {
                    s.execute("""
                            CREATE TABLE IF NOT EXISTS scratch_ledger_entry (
                                id           BIGSERIAL    PRIMARY KEY,
                                customer_id  VARCHAR(200) NOT NULL,
                                type         VARCHAR(16)  NOT NULL,
                                points       BIGINT       NOT NULL,
                                reason       VARCHAR(200) NOT NULL,
                                cause_id     VARCHAR(200) NOT NULL,
                                lot_id       UUID,
                                occurred_at  TIMESTAMPTZ  NOT NULL,
                                available_at TIMESTAMPTZ  NOT NULL,
                                actor        VARCHAR(200),
                                recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now())""");
                    s.execute("CREATE INDEX IF NOT EXISTS scratch_ledger_entry_customer ON scratch_ledger_entry (customer_id, id)");
                    s.execute("TRUNCATE scratch_ledger_entry RESTART IDENTITY");
                    s.execute("CHECKPOINT");
                }
                c.setAutoCommit(false);
                SplittableRandom rnd = new SplittableRandom(7);
                long now = System.currentTimeMillis();
                long start = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO scratch_ledger_entry (customer_id, type, points, reason, cause_id, lot_id, occurred_at, available_at, actor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (long i = 0; i < rows; i++) {
                        Timestamp at = new Timestamp(now - rnd.nextLong(172_800_000L));
                        ps.setString(1, OrderGenerator.customerId(i % customers));
                        ps.setString(2, "EARN");
                        ps.setLong(3, 10 + rnd.nextInt(111));
                        ps.setString(4, "ORDER");
                        ps.setString(5, new UUID(rnd.nextLong(), rnd.nextLong()).toString());
                        ps.setObject(6, new UUID(rnd.nextLong(), rnd.nextLong()));
                        ps.setTimestamp(7, at);
                        ps.setTimestamp(8, new Timestamp(at.getTime() + 604_800_000L));
                        ps.setNull(9, java.sql.Types.VARCHAR);
                        ps.addBatch();
                        if ((i + 1) % batch == 0 || i + 1 == rows) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                }
                double secs = secondsSince(start);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("rows", rows);
                out.put("batch", batch);
                out.put("seconds", secs);
                out.put("rate", rows / secs);
                result("pg-insert", out);
            }
            return 0;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "publish-orders", description = "Publishes the bulk OrderCompleted data set (or every n-th event of it again).")
    static final class PublishOrders implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--topic", defaultValue = "orders")
        String topic;
        @Option(names = "--customers", defaultValue = "100000")
        int customers;
        @Option(names = "--orders", defaultValue = "1000000", description = "total OrderCompleted events (a multiple of --customers)")
        long orders;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--base-ms", required = true, description = "event-time anchor (epoch ms); reuse it to regenerate the same events")
        long baseMs;
        @Option(names = "--every", defaultValue = "1", description = "publish only every n-th event (e.g. 100 = a 1% share, as duplicates)")
        int every;
        @Option(names = "--phase", defaultValue = "publish-orders")
        String phase;
        @Option(names = "--compression", defaultValue = "none")
        String compression;
        @Option(names = "--customer-prefix", defaultValue = "c", description = "first letter of the customer ids (w: the warm-up set)")
        String customerPrefix;

        @Override
        public Integer call() throws Exception {
            if (orders % customers != 0) {
                throw new IllegalArgumentException("--orders must be a multiple of --customers");
            }
            OrderGenerator gen = new OrderGenerator(seed, baseMs, customers, (int) (orders / customers), customerPrefix);
            EventCodec codec = new EventCodec();
            AtomicLong failed = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            long sent = 0;
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 20, compression)) {
                for (long i = 0; i < orders; i += every) {
                    EventEnvelope<OrderCompleted> e = gen.event(i);
                    byte[] value = codec.encodeBytes(e);
                    bytes.addAndGet(value.length);
                    producer.send(new ProducerRecord<>(topic, e.customerId(), value), (md, ex) -> {
                        if (ex != null && failed.getAndIncrement() == 0) {
                            ex.printStackTrace();
                        }
                    });
                    sent++;
                    if (sent % 200_000 == 0) {
                        progress("%s: %d sent (%.1f s)", phase, sent, secondsSince(start));
                    }
                }
                producer.flush();
            }
            double secs = secondsSince(start);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("records", sent);
            out.put("failed", failed.get());
            out.put("avg_bytes", sent == 0 ? 0 : bytes.get() / sent);
            out.put("seconds", secs);
            out.put("rate", sent / secs);
            if (every == 1) {
                long[] exp = gen.expected();
                out.put("expected_count", exp[0]);
                out.put("expected_points", exp[1]);
            }
            result(phase, out);
            return failed.get() == 0 ? 0 : 1;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "kafka-consume", description = "Raw consumer rate: a plain KafkaConsumer of a new group reads the topic from the start.")
    static final class KafkaConsume implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--topic", defaultValue = "orders")
        String topic;
        @Option(names = "--expect", required = true)
        long expect;
        @Option(names = "--decode", description = "also decode + schema-validate every value with EventCodec (as the service does)")
        boolean decode;
        @Option(names = "--timeout-s", defaultValue = "300")
        long timeoutS;

        @Override
        public Integer call() throws Exception {
            EventCodec codec = decode ? new EventCodec() : null;
            long n = 0;
            long bytes = 0;
            long first = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, "bench-raw-" + UUID.randomUUID())) {
                c.subscribe(List.of(topic));
                while (n < expect && System.nanoTime() < deadline) {
                    ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
                    if (!records.isEmpty() && first == 0) {
                        first = System.nanoTime();
                    }
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        bytes += r.serializedValueSize();
                        if (codec != null) {
                            codec.decode(r.value());
                        }
                    }
                    n += records.count();
                }
            }
            double secs = first == 0 ? Double.NaN : secondsSince(first);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("decode", decode);
            out.put("records", n);
            out.put("seconds", secs);
            out.put("rate", n / secs);
            out.put("mb_per_s", bytes / secs / 1e6);
            result(decode ? "kafka-consume-decode" : "kafka-consume", out);
            return n >= expect ? 0 : 1;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "await-ledger", description = "Polls ledger_entry every interval until it holds the expected entries; records the time series.")
    static final class AwaitLedger implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--jdbc", required = true)
        String url;
        @Option(names = "--expect-count", required = true)
        long expect;
        @Option(names = "--interval-ms", defaultValue = "500")
        long intervalMs;
        @Option(names = "--timeout-s", defaultValue = "1800")
        long timeoutS;
        @Option(names = "--series", description = "file for the time series (epoch_ms rows)")
        Path series;
        @Option(names = "--stall-s", defaultValue = "120", description = "give up (exit 3) when the count has not moved for this long after the first row")
        long stallS;
        @Option(names = "--phase", defaultValue = "throughput")
        String phase;
        @Option(names = "--warmup-count", defaultValue = "0",
                description = "entries of the warm-up events published before the measured ones: the 10-90 % rates are taken over the rest")
        long warmupCount;

        @Override
        public Integer call() throws Exception {
            List<long[]> samples = new ArrayList<>();   // {epochMs, rows}
            long deadline = System.currentTimeMillis() + timeoutS * 1000;
            boolean exact = false;
            boolean stalled = false;
            long lastChangeMs = System.currentTimeMillis();
            long lastRows = -1;
            Connection c = null;
            long rows = 0;
            try (PrintWriter w = series == null ? null : new PrintWriter(Files.newBufferedWriter(series,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
                while (System.currentTimeMillis() < deadline) {
                    long tick = System.currentTimeMillis();
                    try {
                        if (c == null) {
                            c = jdbc(url);
                        }
                        try (Statement s = c.createStatement()) {
                            // cheap progress probe: the ids come from one sequence and the orders channel applies its
                            // batches one after the other, so max(id) tracks the committed entries; the exact count
                            // (a full scan) only runs once max(id) says we are there
                            String q = exact
                                    ? "SELECT count(*) FROM ledger_entry WHERE type IN ('EARN','BONUS')"
                                    : "SELECT coalesce(max(id), 0) FROM ledger_entry";
                            try (ResultSet rs = s.executeQuery(q)) {
                                rs.next();
                                rows = rs.getLong(1);
                            }
                        }
                    } catch (SQLException e) {
                        rows = 0;   // the service has not created its schema yet
                        if (c != null && !isTableMissing(e)) {
                            try {
                                c.close();
                            } catch (SQLException ignored) {
                                // reconnect next round
                            }
                            c = null;
                        }
                    }
                    samples.add(new long[] {tick, rows});
                    if (rows != lastRows) {
                        lastRows = rows;
                        lastChangeMs = tick;
                    } else if (rows > 0 && tick - lastChangeMs > stallS * 1000) {
                        stalled = true;
                        progress("await-ledger: no progress for %d s at %d rows: stalled", stallS, rows);
                        break;
                    }
                    if (w != null) {
                        w.println(tick + "\t" + rows);
                        w.flush();
                    }
                    if (rows >= expect) {
                        if (exact) {
                            break;
                        }
                        exact = true;
                        continue;   // confirm with the exact count at once
                    }
                    long sleep = tick + intervalMs - System.currentTimeMillis();
                    if (sleep > 0) {
                        Thread.sleep(sleep);
                    }
                }
            } finally {
                if (c != null) {
                    c.close();
                }
            }
            long doneMs = samples.get(samples.size() - 1)[0];
            long firstMs = samples.stream().filter(s -> s[1] > 0).mapToLong(s -> s[0]).findFirst().orElse(doneMs);
            // the last sample with 0 rows: the service's first commit happened in (lastZero, firstMs]
            long lastZeroMs = samples.stream().filter(s -> s[1] == 0).mapToLong(s -> s[0]).max().orElse(firstMs);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("done", rows >= expect);
            out.put("stalled", stalled);
            out.put("rows", rows);
            out.put("expect", expect);
            out.put("first_rows_epoch_ms", firstMs);
            out.put("done_epoch_ms", doneMs);
            double total = (doneMs - lastZeroMs) / 1000.0;
            out.put("seconds_total", total);
            out.put("rate_overall", expect / total);
            out.put("warmup_count", warmupCount);
            out.put("rate_10_90", rateBetween(samples, warmupCount, expect, 0.10, 0.90));
            out.put("rate_25_75", rateBetween(samples, warmupCount, expect, 0.25, 0.75));
            // the same slope over everything, warm-up included (a service that has just started, JIT compiling)
            out.put("rate_all_10_90", rateBetween(samples, 0, expect, 0.10, 0.90));
            result(phase, out);
            return rows >= expect ? 0 : stalled ? 3 : 1;
        }

        private static boolean isTableMissing(SQLException e) {
            return "42P01".equals(e.getSQLState());
        }

        /** Entries per second between the (interpolated) moments the ledger held lo and hi shares of expect. */
        static double rateBetween(List<long[]> samples, long base, long expect, double lo, double hi) {
            long span = expect - base;
            double tLo = crossing(samples, base + lo * span);
            double tHi = crossing(samples, base + hi * span);
            if (Double.isNaN(tLo) || Double.isNaN(tHi) || tHi <= tLo) {
                return Double.NaN;
            }
            return (hi - lo) * span / ((tHi - tLo) / 1000.0);
        }

        static double crossing(List<long[]> samples, double level) {
            for (int i = 1; i < samples.size(); i++) {
                long[] a = samples.get(i - 1);
                long[] b = samples.get(i);
                if (a[1] < level && b[1] >= level) {
                    return a[0] + (b[0] - a[0]) * (level - a[1]) / (double) (b[1] - a[1]);
                }
            }
            return Double.NaN;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "verify", description = "Exactly-once check: EARN + BONUS entries and points equal the expected totals.")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--jdbc", required = true)
        String url;
        @Option(names = "--expect-count", required = true)
        long expectCount;
        @Option(names = "--expect-points", required = true)
        long expectPoints;
        @Option(names = "--label", defaultValue = "verify")
        String label;
        @Option(names = "--bootstrap", description = "also count the records dead-lettered to orders.dlq")
        String bootstrap;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            try (Connection c = jdbc(url); Statement s = c.createStatement()) {
                long count;
                long points;
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(points), 0) FROM ledger_entry WHERE type IN ('EARN','BONUS')")) {
                    rs.next();
                    count = rs.getLong(1);
                    points = rs.getLong(2);
                }
                out.put("count", count);
                out.put("points", points);
                out.put("expected_count", expectCount);
                out.put("expected_points", expectPoints);
                out.put("ok", count == expectCount && points == expectPoints);
                try (ResultSet rs = s.executeQuery("SELECT type, count(*) FROM ledger_entry GROUP BY type ORDER BY type")) {
                    StringBuilder b = new StringBuilder();
                    while (rs.next()) {
                        b.append(b.isEmpty() ? "" : ",").append(rs.getString(1)).append(':').append(rs.getLong(2));
                    }
                    out.put("by_type", b.toString());
                }
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM loyalty_member), (SELECT count(*) FROM platform_processed_event), (SELECT count(*) FROM loyalty_member WHERE tier <> 'MEMBER')")) {
                    rs.next();
                    out.put("members", rs.getLong(1));
                    out.put("processed_events", rs.getLong(2));
                    out.put("members_above_member_tier", rs.getLong(3));
                }
            }
            if (bootstrap != null) {
                out.put("orders_dlq_records", endOffsetsSum(bootstrap, "orders.dlq"));
            }
            result(label, out);
            return Boolean.TRUE.equals(out.get("ok")) ? 0 : 1;
        }
    }

    static long endOffsetsSum(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(kafkaCommon(bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            return endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> req = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            req.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(req).all().get().entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "await-lag", description = "Waits until the consumer group has committed the end offset of every partition of the topic.")
    static final class AwaitLag implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--group", defaultValue = "loyalty-service")
        String group;
        @Option(names = "--topic", defaultValue = "orders")
        String topic;
        @Option(names = "--timeout-s", defaultValue = "600")
        long timeoutS;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutS);
            long lag = -1;
            try (Admin admin = Admin.create(kafkaCommon(bootstrap))) {
                while (System.nanoTime() < deadline) {
                    Map<TopicPartition, Long> end = endOffsets(admin, topic);
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    lag = 0;
                    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                        OffsetAndMetadata om = committed.get(e.getKey());
                        lag += e.getValue() - (om == null ? 0 : om.offset());
                    }
                    if (lag == 0) {
                        break;
                    }
                    Thread.sleep(500);
                }
            }
            result("await-lag", Map.of("group", group, "topic", topic, "lag", lag, "seconds", secondsSince(start)));
            return lag == 0 ? 0 : 1;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "latency", description = "Open-loop OrderCompleted publisher; latency = CreateTime of the resulting PointsEarned - intended send time.")
    static final class Latency implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--rate", defaultValue = "2000")
        int rate;
        @Option(names = "--duration-s", defaultValue = "60")
        int durationS;
        @Option(names = "--warmup-s", defaultValue = "5", description = "events of the first seconds are sent but not recorded")
        int warmupS;
        @Option(names = "--drain-s", defaultValue = "60")
        int drainS;
        @Option(names = "--customers", defaultValue = "100000")
        int customers;
        @Option(names = "--tag", defaultValue = "lat")
        String tag;
        @Option(names = "--phase", defaultValue = "latency")
        String phase;
        @Option(names = "--series", description = "file for a per-second series of the recorded events (second of intended send, events, p50, p99, max in ms)")
        java.nio.file.Path series;

        @Override
        public Integer call() throws Exception {
            // per second of intended send time: where in the run the slow events were (GC, checkpoints, jobs)
            Histogram[] perSecond = new Histogram[durationS + 1];
            for (int i = 0; i < perSecond.length; i++) {
                perSecond[i] = new Histogram(TimeUnit.HOURS.toMicros(1), 2);
            }
            AtomicLong seriesStartMs = new AtomicLong(Long.MAX_VALUE);
            EventCodec codec = new EventCodec();
            ObjectMapper mapper = EventCodec.newObjectMapper();
            Map<String, Long> intendedMs = new ConcurrentHashMap<>();   // orderId -> intended send time (epoch ms)
            Set<String> recordable = ConcurrentHashMap.newKeySet();
            Histogram hist = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
            Histogram sendHist = new Histogram(TimeUnit.HOURS.toMicros(1), 3);   // intended -> broker ack (for reference)
            AtomicLong matched = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            String runTag = tag + "-" + Long.toString(System.currentTimeMillis(), 36);

            // the observer: reads loyalty-events from its current end, before anything is sent
            // latency is read from the records' CreateTime, so the observer may take its time: large, rare fetches
            // keep the broker's work for it (on the same two cores as the service) small
            KafkaConsumer<byte[], byte[]> observer = consumer(bootstrap, "bench-observer-" + UUID.randomUUID(),
                    Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "200"));
            List<TopicPartition> parts = observer.partitionsFor("loyalty-events").stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            observer.assign(parts);
            observer.seekToEnd(parts);
            parts.forEach(observer::position);
            Thread observerThread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        for (ConsumerRecord<byte[], byte[]> r : observer.poll(Duration.ofMillis(100))) {
                            try {
                                JsonNode n = mapper.readTree(r.value());
                                if (!"PointsEarned".equals(n.path("type").asText())) {
                                    continue;
                                }
                                String orderId = n.path("payload").path("orderId").asText(null);
                                Long t0 = orderId == null ? null : intendedMs.remove(orderId);
                                if (t0 != null) {
                                    matched.incrementAndGet();
                                    if (recordable.remove(orderId)) {
                                        synchronized (hist) {
                                            long micros = Math.max(0, (r.timestamp() - t0) * 1000);
                                            hist.recordValue(micros);
                                            int sec = (int) Math.min(durationS, Math.max(0, (t0 - seriesStartMs.get()) / 1000));
                                            perSecond[sec].recordValue(micros);
                                        }
                                    }
                                }
                            } catch (IOException e) {
                                // not JSON: not ours
                            }
                        }
                    }
                } finally {
                    observer.close();
                }
            }, "observer");
            observerThread.start();

            SplittableRandom rnd = new SplittableRandom();
            long total = (long) rate * durationS;
            long warmupEvents = (long) rate * warmupS;
            long intervalNs = 1_000_000_000L / rate;
            AtomicLong failed = new AtomicLong();
            // Every event is built and encoded before the clock starts, its intended send time known in advance: the
            // generator shares the service's two cores, and encoding JSON while sending (measured: a tenth of a core
            // at 2,400 events/s with C1) would be taken from the service under test.
            long leadMs = 2000 + total / 25;   // encoding runs at more than 25 events per ms, even on C1
            long wallStartMs = System.currentTimeMillis() + leadMs;
            String[] customerOf = new String[(int) total];
            String[] orderIdOf = new String[(int) total];
            byte[][] valueOf = new byte[(int) total][];
            for (int k = 0; k < total; k++) {
                long intended = wallStartMs + (long) k * intervalNs / 1_000_000L;
                String customer = OrderGenerator.customerId(rnd.nextInt(customers));
                String orderId = runTag + "-" + k;
                BigDecimal amount = BigDecimal.valueOf(OrderGenerator.MIN_AMOUNT + rnd.nextInt(OrderGenerator.MAX_AMOUNT - OrderGenerator.MIN_AMOUNT + 1));
                OrderCompleted order = new OrderCompleted(orderId, amount, "CNY", BigDecimal.ZERO, null,
                        List.of(new OrderItem("SKU-LAT", "GENERAL", 1, amount)));
                customerOf[k] = customer;
                orderIdOf[k] = orderId;
                valueOf[k] = codec.encodeBytes(new EventEnvelope<>(UUID.randomUUID(), "OrderCompleted", 1,
                        Instant.ofEpochMilli(intended), customer, "loyalty-benchmark", order));
            }
            long startNs;
            // linger 5 ms: the Kafka 4.0 client's default, as a shop backend publishing with default settings
            try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 5, "none")) {
                // warm the producer's metadata before the clock starts
                producer.partitionsFor("orders");
                long waitMs = wallStartMs - System.currentTimeMillis();
                if (waitMs < 0) {
                    throw new IllegalStateException("encoding the events took " + (leadMs - waitMs) + " ms, more than the " + leadMs + " ms lead");
                }
                Thread.sleep(waitMs);
                seriesStartMs.set(wallStartMs);
                startNs = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - wallStartMs);
                for (int k = 0; k < total; k++) {
                    long dueNs = startNs + k * intervalNs;
                    long wait;
                    while ((wait = dueNs - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long intended = wallStartMs + (dueNs - startNs) / 1_000_000L;
                    String orderId = orderIdOf[k];
                    intendedMs.put(orderId, intended);
                    boolean record = k >= warmupEvents;
                    if (record) {
                        recordable.add(orderId);
                    }
                    producer.send(new ProducerRecord<>("orders", customerOf[k], valueOf[k]), (md, ex) -> {
                        if (ex != null) {
                            failed.incrementAndGet();
                        } else if (record) {
                            synchronized (sendHist) {
                                sendHist.recordValue(Math.max(0, (System.currentTimeMillis() - intended) * 1000));
                            }
                        }
                    });
                    valueOf[k] = null;
                }
                producer.flush();
            }
            double sendSeconds = secondsSince(startNs);
            long drainDeadline = System.currentTimeMillis() + drainS * 1000L;
            while (!intendedMs.isEmpty() && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(100);
            }
            stop.set(true);
            observerThread.join(5000);
            // not seen by the end of the drain: record their age now, a lower bound of their latency
            long endMs = System.currentTimeMillis();
            for (String orderId : recordable) {
                Long t0 = intendedMs.get(orderId);
                if (t0 != null) {
                    hist.recordValue(Math.max(0, (endMs - t0) * 1000));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rate", rate);
            out.put("sent", total);
            out.put("send_seconds", sendSeconds);
            out.put("achieved_rate", total / sendSeconds);
            out.put("failed_sends", failed.get());
            out.put("matched", matched.get());
            out.put("missing", intendedMs.size());
            out.put("warmup_s", warmupS);
            synchronized (hist) {
                putPercentiles(out, hist);
            }
            synchronized (sendHist) {
                out.put("send_ack_p99_ms", sendHist.getValueAtPercentile(99) / 1000.0);
            }
            if (series != null) {
                StringBuilder lines = new StringBuilder("# seconds since " + wallStartMs + " (epoch ms, intended send time of the first event)\n"
                        + "second\tevents\tp50_ms\tp99_ms\tmax_ms\n");
                synchronized (hist) {
                    for (int i = 0; i < perSecond.length; i++) {
                        Histogram h = perSecond[i];
                        if (h.getTotalCount() > 0) {
                            lines.append(i).append('\t').append(h.getTotalCount()).append('\t').append(h.getValueAtPercentile(50) / 1000)
                                    .append('\t').append(h.getValueAtPercentile(99) / 1000).append('\t').append(h.getMaxValue() / 1000).append('\n');
                        }
                    }
                }
                java.nio.file.Files.writeString(series, lines);
            }
            result(phase, out);
            return 0;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "http-load", description = "Open-loop GET /customers/{id}/loyalty load over a bounded number of keep-alive connections; latency from the intended start time.")
    static final class HttpLoad implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--base-url", required = true)
        String baseUrl;
        @Option(names = "--token-file", required = true)
        Path tokenFile;
        @Option(names = "--rate", defaultValue = "1000")
        int rate;
        @Option(names = "--duration-s", defaultValue = "60")
        int durationS;
        @Option(names = "--warmup-s", defaultValue = "10", description = "seconds of the same load before the measured part (not recorded)")
        int warmupS;
        @Option(names = "--customers", defaultValue = "100000")
        int customers;
        @Option(names = "--connections", defaultValue = "32", description = "concurrent connections (one blocking sender each)")
        int connections;
        @Option(names = "--phase", defaultValue = "http")
        String phase;

        @Override
        public Integer call() throws Exception {
            String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
            // Request k is due at start + k / rate. Each sender takes the next request, waits for its due time and
            // sends it with a blocking call, so there are never more than `connections` connections (kept alive).
            // When every sender is busy, requests start late, and that lateness is part of their latency: the
            // latency is measured from the intended start time, not from the actual send (no coordinated omission).
            Histogram hist = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
            AtomicLong errors = new AtomicLong();
            AtomicLong ok = new AtomicLong();
            AtomicLong next = new AtomicLong();
            Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
            AtomicBoolean printed = new AtomicBoolean();
            long intervalNs = 1_000_000_000L / rate;
            long warm = (long) rate * warmupS;
            long total = warm + (long) rate * durationS;
            long startNs = System.nanoTime() + 100_000_000L;
            List<Thread> senders = new ArrayList<>();
            URI base = URI.create(baseUrl);
            for (int t = 0; t < connections; t++) {
                Thread sender = new Thread(() -> {
                    SplittableRandom rnd = new SplittableRandom();
                    // one keep-alive HTTP/1.1 connection per sender, on a plain blocking socket: the JDK HttpClient
                    // (a selector thread and futures per request) cost the generator more CPU than the service
                    // under test spent, on the same two cores
                    RawHttp http = new RawHttp(base.getHost(), base.getPort(), "Bearer " + token);
                    long k;
                    while ((k = next.getAndIncrement()) < total) {
                        long dueNs = startNs + k * intervalNs;
                        long wait;
                        while ((wait = dueNs - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        String path = base.getPath() + "/customers/" + OrderGenerator.customerId(rnd.nextInt(customers)) + "/loyalty";
                        String failure = null;
                        try {
                            RawHttp.Response resp = http.get(path);
                            if (resp.status() != 200) {
                                failure = String.valueOf(resp.status());
                                if (printed.compareAndSet(false, true)) {
                                    progress("first failure: %d %s", resp.status(), new String(resp.body(), StandardCharsets.UTF_8));
                                }
                            }
                        } catch (IOException e) {
                            http.close();
                            failure = e.getClass().getSimpleName();
                            if (printed.compareAndSet(false, true)) {
                                progress("first failure: %s", e);
                            }
                        }
                long latencyUs = (System.nanoTime() - dueNs) / 1000;
                        if (failure != null) {
                            statuses.computeIfAbsent(failure, f -> new AtomicLong()).incrementAndGet();
                        }
                        if (k < warm) {
                            continue;
                        }
                        if (failure != null) {
                            errors.incrementAndGet();
                        } else {
                            ok.incrementAndGet();
                        }
                        synchronized (hist) {
                            hist.recordValue(latencyUs);
                        }
                    }
                }, "sender-" + t);
                sender.start();
                senders.add(sender);
            }
            for (Thread t : senders) {
                t.join();
            }
            double seconds = (System.nanoTime() - startNs) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rate", rate);
            out.put("connections", connections);
            out.put("requests", total - warm);
            out.put("achieved_rate", total / seconds);
            out.put("ok", ok.get());
            out.put("errors", errors.get());
            out.put("warmup_s", warmupS);
            out.put("non_200", statuses.isEmpty() ? "none" : statuses.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
            synchronized (hist) {
                putPercentiles(out, hist);
            }
            result(phase, out);
            return 0;
        }
    }
}
