package org.openretention.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Real Kafka and PostgreSQL for {@code @QuarkusTest}s on any machine. Where a Docker engine answers, Quarkus Dev
 * Services start both in containers and this resource only adds the token settings. Where none does, it starts a
 * Kafka broker inside the JVM ({@link InJvmKafka}) and takes a fresh database from {@link TestPostgres}.
 * Use it as {@code @WithTestResource(PlatformTestResources.class)} on every {@code @QuarkusTest} class, so they
 * share one application start.
 */
public class PlatformTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey", TestTokens.publicKey());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        if (!DockerProbe.dockerAvailable()) {
            config.put("kafka.bootstrap.servers", InJvmKafka.bootstrapServers());
            TestPostgres.Database db = TestPostgres.database();
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("quarkus.datasource.username", db.username());
            config.put("quarkus.datasource.password", db.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // Kafka and PostgreSQL live as long as the JVM (shutdown hooks), so later test classes reuse them
    }
}
