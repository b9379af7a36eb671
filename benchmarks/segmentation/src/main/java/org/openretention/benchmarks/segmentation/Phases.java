package org.openretention.benchmarks.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openretention.events.EventCodec;
import org.openretention.events.EventType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.openretention.benchmarks.segmentation.SegBench.progress;
import static org.openretention.benchmarks.segmentation.SegBench.result;

/** The benchmark's phases, one picocli subcommand each. */
final class Phases {

    /** The topics the service's profile intake consumes. */
    static final List<String> INPUT_TOPICS = List.of("customers", "orders", "interactions", "loyalty-events");
    static final ObjectMapper JSON = new ObjectMapper();

    private Phases() {
    }

    static Properties kafkaCommon(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "segmentation-bench");
        return p;
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        Properties p = kafkaCommon(bootstrap);
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

    /** Sum of the end offsets of every partition of the given topics (that exist). */
    static long endOffsets(Admin admin, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return 0;
        }
        for (TopicDescription d : admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(p -> specs.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }

    /** Sum of the committed offsets of a consumer group on the given topics. */
    static long committed(Admin admin, String group, Collection<String> topics) throws Exception {
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
            if (e.getValue() != null && topics.contains(e.getKey().topic())) {
                sum += e.getValue().offset();
            }
        }
        return sum;
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Flattens a JSON object into dotted keys (scalars only). */
    static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isValueNode()) {
            out.put(prefix, node.isNumber() ? node.numberValue() : node.asText());
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "reset-kafka", description = "Deletes every non-internal topic and every consumer group, then creates the given topics.")
    static final class ResetKafka implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--partitions", defaultValue = "12")
        int partitions;
        @Option(names = "--create", split = ",", defaultValue = "customers,orders,interactions,loyalty-events")
        List<String> create;

        @Override
        public Integer call() throws Exception {
            try (Admin admin = Admin.create(kafkaCommon(bootstrap))) {
                List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
                // a service just stopped may still count as a member until its session expires: retry until then
                long groupDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!groups.isEmpty()) {
                    try {
                        admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException)
                                || System.nanoTime() > groupDeadline) {
                            throw e;
                        }
                        groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
                        Thread.sleep(500);
                    }
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
    @Command(name = "pg-insert", description = "Raw PostgreSQL batched-insert rate into a scratch twin of profile_order.")
    static final class PgInsert implements Callable<Integer> {
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
                            CREATE TABLE IF NOT EXISTS scratch_profile_order (
                                customer_id       VARCHAR(200)  NOT NULL,
                                order_id          VARCHAR(200)  NOT NULL,
                                occurred_at       TIMESTAMPTZ,
                                net_amount        NUMERIC(19,4),
                                discounted        BOOLEAN,
                                items_by_category JSONB,
                                refunded_amount   NUMERIC(19,4) NOT NULL DEFAULT 0,
                                fully_refunded    BOOLEAN       NOT NULL DEFAULT false,
                                cancelled         BOOLEAN       NOT NULL DEFAULT false,
                                PRIMARY KEY (customer_id, order_id))""");
                    s.execute("TRUNCATE scratch_profile_order");
                    s.execute("CHECKPOINT");
                }
                c.setAutoCommit(false);
                SplittableRandom rnd = new SplittableRandom(7);
                long now = System.currentTimeMillis();
                long start = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO scratch_profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
                    for (long i = 0; i < rows; i++) {
                        ps.setString(1, "c" + (1_000_000 + i % customers));
                        ps.setString(2, new UUID(rnd.nextLong(), rnd.nextLong()).toString());
                        ps.setTimestamp(3, new Timestamp(now - rnd.nextLong(63_072_000_000L)));
                        ps.setBigDecimal(4, java.math.BigDecimal.valueOf(1000 + rnd.nextInt(50_000), 2));
                        ps.setBoolean(5, rnd.nextInt(5) == 0);
                        ps.setString(6, rnd.nextBoolean() ? "{\"BOOKS\": 2}" : "{\"TOYS\": 1, \"BOOKS\": 1}");
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
    @Command(name = "publish-file", description = "Publishes the simulator's JSON-lines history to the input topics (or every n-th event again).")
    static final class PublishFile implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--file", required = true)
        Path file;
        @Option(names = "--every", defaultValue = "1", description = "publish only every n-th event (100 = a 1 % share, as duplicates)")
        int every;
        @Option(names = "--phase", defaultValue = "publish")
        String phase;

        @Override
        public Integer call() throws Exception {
            Properties p = kafkaCommon(bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
            p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");   // as the simulator's own publisher
            Map<String, Header> headers = new HashMap<>();
            for (EventType t : EventType.values()) {
                headers.put(t.typeName(), new RecordHeader("event-type", t.typeName().getBytes(StandardCharsets.UTF_8)));
            }
            AtomicLong failed = new AtomicLong();
            Map<String, Long> perTopic = new TreeMap<>();
            long lines = 0;
            long sent = 0;
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p);
                 BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    long index = lines++;
                    if (index % every != 0) {
                        continue;
                    }
                    JsonNode tree = JSON.readTree(line);
                    String typeName = tree.get("type").asText();
                    EventType type = EventType.byName(typeName).orElseThrow(() -> new IllegalArgumentException("unknown type " + typeName));
                    String key = tree.get("customerId").asText();
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), null, null, key,
                            line.getBytes(StandardCharsets.UTF_8), List.of(headers.get(typeName)));
                    producer.send(record, (md, ex) -> {
                        if (ex != null && failed.getAndIncrement() == 0) {
                            ex.printStackTrace();
                        }
                    });
                    perTopic.merge(type.topic(), 1L, Long::sum);
                    sent++;
                    if (sent % 500_000 == 0) {
                        progress("%s: %d sent (%.1f s)", phase, sent, secondsSince(start));
                    }
                }
                producer.flush();
            }
            double secs = secondsSince(start);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("records", sent);
            out.put("failed", failed.get());
            perTopic.forEach((t, n) -> out.put("topic_" + t, n));
            out.put("seconds", secs);
            out.put("rate", sent / secs);
            result(phase, out);
            return failed.get() == 0 ? 0 : 1;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "kafka-consume", description = "Raw consumer rate: a plain KafkaConsumer of a new group reads the input topics from the start.")
    static final class KafkaConsume implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--topics", split = ",", defaultValue = "customers,orders,interactions,loyalty-events")
        List<String> topics;
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
                c.subscribe(topics);
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
    @Command(name = "await-intake", description = "Polls the profile intake's committed offsets until they reach the input topics' end offsets; records the time series.")
    static final class AwaitIntake implements Callable<Integer> {
        @Option(names = "--bootstrap", required = true)
        String bootstrap;
        @Option(names = "--group", defaultValue = "segmentation-service.profiles")
        String group;
        @Option(names = "--jdbc", description = "the service's database: the processed-event claims are counted at the end")
        String url;
        @Option(names = "--interval-ms", defaultValue = "500")
        long intervalMs;
        @Option(names = "--timeout-s", defaultValue = "3600")
        long timeoutS;
        @Option(names = "--stall-s", defaultValue = "120", description = "give up (exit 3) when the offsets have not moved for this long after the first commit")
        long stallS;
        @Option(names = "--start-s", defaultValue = "300", description = "give up (exit 3) when nothing at all has been committed after this long")
        long startS;
        @Option(names = "--series", description = "file for the time series (epoch_ms TAB committed)")
        Path series;
        @Option(names = "--phase", defaultValue = "throughput")
        String phase;
        @Option(names = "--topics", split = ",", description = "the topics the group consumes (default: the profile intake's four)")
        List<String> topics;

        @Override
        public Integer call() throws Exception {
            List<String> watched = topics == null || topics.isEmpty() ? INPUT_TOPICS : topics;
            List<long[]> samples = new ArrayList<>();
            try (Admin admin = Admin.create(kafkaCommon(bootstrap));
                 PrintWriter w = series == null ? null : new PrintWriter(Files.newBufferedWriter(series,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                long target = endOffsets(admin, watched);
                long base = -1;
                long deadline = System.currentTimeMillis() + timeoutS * 1000;
                long lastValue = -1;
                long lastChange = System.currentTimeMillis();
                boolean done = false;
                boolean stalled = false;
                while (System.currentTimeMillis() < deadline) {
                    long tick = System.currentTimeMillis();
                    long v;
                    try {
                        v = committed(admin, group, watched);
                    } catch (Exception e) {
                        v = lastValue < 0 ? 0 : lastValue;
                    }
                    if (base < 0) {
                        base = v;
                    }
                    samples.add(new long[]{tick, v});
                    if (w != null) {
                        w.printf("%d\t%d%n", tick, v);
                        w.flush();
                    }
                    if (v != lastValue) {
                        lastValue = v;
                        lastChange = tick;
                    } else if (tick - lastChange > (v > base ? stallS : startS) * 1000) {
                        stalled = true;   // no progress: after the first commit for --stall-s, or from the start for --start-s
                        break;
                    }
                    if (v >= target) {
                        done = true;
                        break;
                    }
                    long sleep = intervalMs - (System.currentTimeMillis() - tick);
                    if (sleep > 0) {
                        Thread.sleep(sleep);   // the sampling period, not a synchronisation
                    }
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("target_offsets", target);
                out.put("base_offsets", base);
                out.put("committed", lastValue);
                out.put("done", done);
                out.put("stalled", stalled);
                long work = target - base;
                if (done && work > 0) {
                    long first = firstMoveTime(samples, base);
                    double t10 = crossing(samples, base + 0.10 * work);
                    double t90 = crossing(samples, base + 0.90 * work);
                    double t25 = crossing(samples, base + 0.25 * work);
                    double t75 = crossing(samples, base + 0.75 * work);
                    long end = samples.getLast()[0];
                    out.put("events", work);
                    out.put("rate_10_90", 0.8 * work / ((t90 - t10) / 1000.0));
                    out.put("rate_25_75", 0.5 * work / ((t75 - t25) / 1000.0));
                    out.put("rate_overall", work / ((end - first) / 1000.0));
                    out.put("seconds_10_90", (t90 - t10) / 1000.0);
                    out.put("seconds_total", (end - samples.getFirst()[0]) / 1000.0);
                }
                if (url != null) {
                    try (Connection c = jdbc(url); Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT count(*) FROM platform_processed_event WHERE consumer = 'profiles'")) {
                        rs.next();
                        out.put("claims", rs.getLong(1));
                    }
                }
                out.put("dlq_records", endOffsets(admin, watched.stream().map(t -> t + ".dlq").toList()));
                result(phase, out);
                return done ? 0 : (stalled ? 3 : 1);
            }
        }

        /** The last sample still at the base: the start of the work. */
        static long firstMoveTime(List<long[]> samples, long base) {
            long t = samples.getFirst()[0];
            for (long[] s : samples) {
                if (s[1] > base) {
                    break;
                }
                t = s[0];
            }
            return t;
        }

        /** The time (interpolated between samples) at which the committed offsets reached {@code level}. */
        static double crossing(List<long[]> samples, double level) {
            for (int i = 1; i < samples.size(); i++) {
                long[] a = samples.get(i - 1);
                long[] b = samples.get(i);
                if (b[1] >= level && a[1] < level) {
                    return a[0] + (b[0] - a[0]) * (level - a[1]) / (double) (b[1] - a[1]);
                }
            }
            return samples.getFirst()[0];
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "checksum", description = "Checksums every customer_profile and profile_order row and counts the processed-event claims.")
    static final class Checksum implements Callable<Integer> {
        @Option(names = "--jdbc", required = true)
        String url;
        @Option(names = "--label", defaultValue = "checksum")
        String label;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            long start = System.nanoTime();
            try (Connection c = jdbc(url); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(p::text), '' ORDER BY customer_id)), '-') FROM customer_profile p")) {
                    rs.next();
                    out.put("profiles", rs.getLong(1));
                    out.put("profiles_md5", rs.getString(2));
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(o::text), '' ORDER BY customer_id, order_id)), '-') FROM profile_order o")) {
                    rs.next();
                    out.put("orders", rs.getLong(1));
                    out.put("orders_md5", rs.getString(2));
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM platform_processed_event WHERE consumer = 'profiles'")) {
                    rs.next();
                    out.put("claims", rs.getLong(1));
                }
            }
            out.put("seconds", secondsSince(start));
            result(label, out);
            return 0;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "evaluate", description = "POST /evaluations?asOf= once; prints the run's durationMs, customers, changed and the wall time.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--base-url", required = true)
        String baseUrl;
        @Option(names = "--token-file", required = true)
        Path tokenFile;
        @Option(names = "--as-of", required = true)
        String asOf;
        @Option(names = "--jdbc", description = "the service's database, for --reset / --drop-outbox")
        String url;
        @Option(names = "--reset", description = "TRUNCATE customer_segment first: every customer changes")
        boolean reset;
        @Option(names = "--drop-outbox", description = "TRUNCATE platform_outbox first: the previous run's segment-events are not relayed during the timing")
        boolean dropOutbox;
        @Option(names = "--label", defaultValue = "evaluate")
        String label;

        @Override
        public Integer call() throws Exception {
            if (reset || dropOutbox) {
                try (Connection c = jdbc(url); Statement s = c.createStatement()) {
                    if (reset) {
                        s.execute("TRUNCATE customer_segment");
                    }
                    if (dropOutbox) {
                        s.execute("TRUNCATE platform_outbox");
                    }
                    s.execute("VACUUM ANALYZE customer_segment");
                }
            }
            String token = Files.readString(tokenFile).strip();
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/evaluations?asOf=" + asOf))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            long start = System.nanoTime();
            HttpResponse<String> resp = http().send(req, HttpResponse.BodyHandlers.ofString());
            double wall = secondsSince(start) * 1000;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", resp.statusCode());
            out.put("wall_ms", wall);
            if (resp.statusCode() == 200) {
                flatten("", JSON.readTree(resp.body()), out);
            } else {
                progress("evaluate: HTTP %d %s", resp.statusCode(), resp.body());
            }
            result(label, out);
            return resp.statusCode() == 200 ? 0 : 1;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "fit", description = "POST /models/fit once; prints the stored fit (durations, parameters, holdout comparison) and the wall time.")
    static final class Fit implements Callable<Integer> {
        @Option(names = "--base-url", required = true)
        String baseUrl;
        @Option(names = "--token-file", required = true)
        Path tokenFile;
        @Option(names = "--calibration-end", required = true)
        String calibrationEnd;
        @Option(names = "--holdout-end")
        String holdoutEnd;
        @Option(names = "--activate")
        boolean activate;
        @Option(names = "--label", defaultValue = "fit")
        String label;

        @Override
        public Integer call() throws Exception {
            String token = Files.readString(tokenFile).strip();
            String q = "calibrationEnd=" + calibrationEnd + (holdoutEnd == null ? "" : "&holdoutEnd=" + holdoutEnd) + "&activate=" + activate;
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/models/fit?" + q))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            long start = System.nanoTime();
            HttpResponse<String> resp = http().send(req, HttpResponse.BodyHandlers.ofString());
            double wall = secondsSince(start) * 1000;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", resp.statusCode());
            out.put("wall_ms", wall);
            if (resp.statusCode() / 100 == 2) {
                flatten("", JSON.readTree(resp.body()), out);
            } else {
                progress("fit: HTTP %d %s", resp.statusCode(), resp.body());
                out.put("body", resp.body().length() > 200 ? resp.body().substring(0, 200) : resp.body());
            }
            result(label, out);
            return resp.statusCode() / 100 == 2 ? 0 : 1;
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    @Command(name = "churn-auc", description = "Reads every truth customer's profile (churn.probabilityAlive, last order) and computes the ROC AUCs for droppedOut.")
    static final class ChurnAuc implements Callable<Integer> {
        @Option(names = "--base-url", required = true)
        String baseUrl;
        @Option(names = "--token-file", required = true)
        Path tokenFile;
        @Option(names = "--truth", required = true)
        Path truth;
        @Option(names = "--threads", defaultValue = "8")
        int threads;
        @Option(names = "--dump", description = "CSV of customerId,droppedOut,probabilityAlive,daysSinceLastOrder,unhappy")
        Path dump;
        @Option(names = "--churn-threshold", defaultValue = "0.3", description = "segmentation.models.churn-threshold of the service")
        double churnThreshold;
        @Option(names = "--feedback-threshold", defaultValue = "0.6", description = "segmentation.models.feedback-churn-threshold of the service")
        double feedbackThreshold;

        /** @param unhappy what feedback-service reported: a recent NPS detractor answer or an unresolved complaint */
        record Row(String id, boolean dropped, Double alive, Double recencyDays, int status, boolean unhappy) {
        }

        @Override
        public Integer call() throws Exception {
            List<String> lines = Files.readAllLines(truth);
            String[] header = lines.getFirst().split(",");
            int idCol = indexOf(header, "customerId");
            int dropCol = indexOf(header, "droppedOut");
            String token = Files.readString(tokenFile).strip();
            HttpClient client = http();
            Instant now = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Row>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String id = f[idCol];
                boolean dropped = Boolean.parseBoolean(f[dropCol]);
                futures.add(pool.submit(() -> {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/customers/"
                                    + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/profile"))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
                    HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() != 200) {
                        return new Row(id, dropped, null, null, resp.statusCode(), false);
                    }
                    JsonNode p = JSON.readTree(resp.body());
                    JsonNode churn = p.path("churn");
                    Double alive = churn.has("probabilityAlive") && !churn.get("probabilityAlive").isNull()
                            ? churn.get("probabilityAlive").asDouble() : null;
                    JsonNode last = p.path("orders").path("lastOrderAt");
                    Double recency = last.isMissingNode() || last.isNull() ? null
                            : (now.toEpochMilli() - Instant.parse(last.asText()).toEpochMilli()) / 86_400_000.0;
                    JsonNode fb = p.path("feedback");
                    boolean unhappy = fb.path("openComplaints").asInt(0) > 0
                            || (fb.hasNonNull("latestNps") && fb.get("latestNps").asInt() <= 6);
                    return new Row(id, dropped, alive, recency, 200, unhappy);
                }));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            pool.shutdown();
            double secs = secondsSince(start);
            if (dump != null) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dump))) {
                    w.println("customerId,droppedOut,probabilityAlive,daysSinceLastOrder,status,unhappy");
                    for (Row r : rows) {
                        w.printf("%s,%s,%s,%s,%d,%s%n", r.id(), r.dropped(), r.alive() == null ? "" : r.alive(),
                                r.recencyDays() == null ? "" : r.recencyDays(), r.status(), r.unhappy());
                    }
                }
            }
            List<Row> scored = rows.stream().filter(r -> r.alive() != null && r.recencyDays() != null).toList();
            List<Row> buyers = rows.stream().filter(r -> r.recencyDays() != null).toList();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("truth_customers", rows.size());
            out.put("profiles_found", rows.stream().filter(r -> r.status() == 200).count());
            out.put("not_found", rows.stream().filter(r -> r.status() == 404).count());
            out.put("other_status", rows.stream().filter(r -> r.status() != 200 && r.status() != 404).count());
            out.put("buyers", buyers.size());
            out.put("scored", scored.size());
            out.put("scored_dropped", scored.stream().filter(Row::dropped).count());
            out.put("auc_model", auc(scored, r -> 1 - r.alive()));
            // with feedback: the order the churn flag ranks customers in, each probability against its customer's threshold
            // (the FEEDBACK rule's higher one for an unhappy customer): a risk of alive / threshold, lower is riskier
            out.put("auc_model_with_feedback", auc(scored, r -> -r.alive() / (r.unhappy() ? feedbackThreshold : churnThreshold)));
            out.put("unhappy", scored.stream().filter(Row::unhappy).count());
            out.put("unhappy_dropped", scored.stream().filter(r -> r.unhappy() && r.dropped()).count());
            out.put("auc_recency", auc(scored, Row::recencyDays));
            out.put("auc_recency_all_buyers", auc(buyers, Row::recencyDays));
            out.put("mean_alive_dropped", scored.stream().filter(Row::dropped).mapToDouble(Row::alive).average().orElse(Double.NaN));
            out.put("mean_alive_active", scored.stream().filter(r -> !r.dropped()).mapToDouble(Row::alive).average().orElse(Double.NaN));
            out.put("seconds", secs);
            out.put("requests_per_s", rows.size() / secs);
            result("churn-auc", out);
            return 0;
        }

        static int indexOf(String[] header, String name) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no column " + name);
        }

        /** Mann-Whitney ROC AUC of the score for the positives (dropped out), ties counted half. */
        static double auc(List<Row> rows, java.util.function.ToDoubleFunction<Row> score) {
            int n = rows.size();
            double[][] v = new double[n][2];
            for (int i = 0; i < n; i++) {
                v[i][0] = score.applyAsDouble(rows.get(i));
                v[i][1] = rows.get(i).dropped() ? 1 : 0;
            }
            java.util.Arrays.sort(v, (a, b) -> Double.compare(a[0], b[0]));
            double rankSumPos = 0;
            long pos = 0;
            int i = 0;
            while (i < n) {
                int j = i;
                while (j + 1 < n && v[j + 1][0] == v[i][0]) {
                    j++;
                }
                double avgRank = (i + 1 + j + 1) / 2.0;
                for (int k = i; k <= j; k++) {
                    if (v[k][1] == 1) {
                        rankSumPos += avgRank;
                        pos++;
                    }
                }
                i = j + 1;
            }
            long neg = n - pos;
            if (pos == 0 || neg == 0) {
                return Double.NaN;
            }
            return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
        }
    }
}
