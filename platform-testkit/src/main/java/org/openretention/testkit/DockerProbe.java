package org.openretention.testkit;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells whether a Docker engine answers, so tests can leave Kafka and PostgreSQL to Dev Services where it does.
 * {@code PLATFORM_TEST_INFRA=local} (or {@code docker}) overrides the detection.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        String forced = setting("PLATFORM_TEST_INFRA");
        if (forced != null) {
            return forced.toLowerCase(Locale.ROOT).equals("docker");
        }
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            // a remote or rootless engine: trust the user's setting, Testcontainers will report problems itself
            return !dockerHost.startsWith("unix://") || ping(Path.of(dockerHost.substring("unix://".length())));
        }
        return ping(Path.of("/var/run/docker.sock"));
    }

    private static boolean ping(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(256);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }

    /** A setting from a system property or, with the same name, the environment. */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
