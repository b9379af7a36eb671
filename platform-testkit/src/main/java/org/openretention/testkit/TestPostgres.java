package org.openretention.testkit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL database for one test JVM: a fresh database on the server named by {@code PLATFORM_TEST_PG_URL}
 * (JDBC URL of a database the user may connect to, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * with {@code PLATFORM_TEST_PG_USER} / {@code PLATFORM_TEST_PG_PASSWORD}), else on a private throwaway cluster
 * started from the local server binaries and removed at exit. Every JVM gets its own database, so test runs
 * never see each other's data.
 */
public final class TestPostgres {

    public record Database(String jdbcUrl, String username, String password) {
    }

    private static Database database;
    private static PrivateCluster cluster;

    private TestPostgres() {
    }

    public static synchronized Database database() {
        if (database == null) {
            database = create();
        }
        return database;
    }

    private static Database create() {
        String url = DockerProbe.setting("PLATFORM_TEST_PG_URL");
        String user = Optional.ofNullable(DockerProbe.setting("PLATFORM_TEST_PG_USER")).orElse("postgres");
        String password = Optional.ofNullable(DockerProbe.setting("PLATFORM_TEST_PG_PASSWORD")).orElse("");
        if (url == null) {
            cluster = PrivateCluster.start();
            url = "jdbc:postgresql://127.0.0.1:" + cluster.port + "/postgres";
            user = "postgres";
            password = "";
        }
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(url, user, password, "CREATE DATABASE " + name);
        String adminUrl = url;
        String adminUser = user;
        String adminPassword = password;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(adminUrl, adminUser, adminPassword, name), "test-db-drop"));
        return new Database(replaceDatabase(url, name), user, password);
    }

    /** Whether the tests' PostgreSQL is a private cluster this JVM started, which {@link #outage} can stop. */
    public static synchronized boolean canStop() {
        database();
        return cluster != null;
    }

    /**
     * Stops the private cluster as a crash would ({@code pg_ctl stop -m immediate}), runs {@code during} while it is
     * down, then starts it again on the same port and data: an outage for resilience tests. Needs {@link #canStop()}.
     */
    public static synchronized void outage(Runnable during) {
        if (!canStop()) {
            throw new IllegalStateException("the tests use a PostgreSQL server they did not start (PLATFORM_TEST_PG_URL or Dev Services)");
        }
        cluster.stopImmediately();
        try {
            during.run();
        } finally {
            cluster.startAgain();
        }
    }

    private static String replaceDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static void dropQuietly(String url, String user, String password, String name) {
        try {
            execute(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // a private cluster is being removed anyway; a shared server keeps an orphan test database at worst
        }
    }

    /** A cluster in a temporary directory, run by the unprivileged {@code postgres} user when we are root. */
    static final class PrivateCluster {
        final int port;
        private final Path binDir;
        private final Path dir;
        private final boolean asPostgresUser;

        private PrivateCluster(Path binDir, Path dir, int port, boolean asPostgresUser) {
            this.binDir = binDir;
            this.dir = dir;
            this.port = port;
            this.asPostgresUser = asPostgresUser;
        }

        static PrivateCluster start() {
            Path binDir = findBinaries().orElseThrow(() -> new IllegalStateException("""
                    No PostgreSQL for the tests. Do one of:
                      - install Docker (Dev Services then start PostgreSQL and Kafka in containers),
                      - point PLATFORM_TEST_PG_URL (+ PLATFORM_TEST_PG_USER, PLATFORM_TEST_PG_PASSWORD) at a server
                        where the user may CREATE DATABASE, e.g. jdbc:postgresql://127.0.0.1:5432/postgres,
                      - or install the PostgreSQL server binaries (Debian/Ubuntu: apt-get install postgresql;
                        or set PG_BIN to the folder holding initdb and pg_ctl)."""));
            boolean root = "root".equals(System.getProperty("user.name"));
            try {
                Path dir = Files.createTempDirectory("openretention-pg-");
                int port = freePort();
                PrivateCluster cluster = new PrivateCluster(binDir, dir, port, root);
                if (root) {
                    run(List.of("chown", "postgres:postgres", dir.toString()), dir, 30);
                }
                cluster.pg(List.of("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                        "-E", "UTF8", "--locale=C", "--no-sync"), 120);
                cluster.startAgain();
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "test-pg-stop"));
                return cluster;
            } catch (IOException e) {
                throw new IllegalStateException("could not start a private PostgreSQL cluster: " + e.getMessage(), e);
            }
        }

        private void startAgain() {
            pg(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("postgres.log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"), 90);
        }

        private void stopImmediately() {
            pg(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), 30);
        }

        private void stop() {
            try {
                pg(List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), 30);
            } catch (RuntimeException ignored) {
                // fall through to removing the directory
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }

        private void pg(List<String> command, int timeoutSeconds) {
            List<String> full = new ArrayList<>();
            if (asPostgresUser) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.add(binDir.resolve(command.get(0)).toString());
            full.addAll(command.subList(1, command.size()));
            run(full, dir, timeoutSeconds);
        }

        private static void run(List<String> command, Path workDir, int timeoutSeconds) {
            try {
                Path out = Files.createTempFile("pg-cmd-", ".log");
                Process process = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                Files.deleteIfExists(out);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static Optional<Path> findBinaries() {
            String configured = DockerProbe.setting("PG_BIN");
            if (configured != null) {
                return Optional.of(Path.of(configured)).filter(p -> Files.isExecutable(p.resolve("initdb")));
            }
            Path debian = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(debian)) {
                try (Stream<Path> versions = Files.list(debian)) {
                    Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                            .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                            .max(Comparator.comparingInt(p -> versionOf(p.getParent().getFileName().toString())));
                    if (newest.isPresent()) {
                        return newest;
                    }
                } catch (IOException ignored) {
                    // fall through to PATH
                }
            }
            return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .filter(s -> !s.isBlank())
                    .map(Path::of)
                    .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                    .findFirst();
        }

        private static int versionOf(String name) {
            try {
                return Integer.parseInt(name.replaceAll("\\D.*", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
