package org.openretention.testkit;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Turns Quarkus Dev Services off when no Docker engine answers. Dev Services are decided while the application is
 * built for the tests, before {@link PlatformTestResources} can supply Kafka and PostgreSQL, so the switch has to
 * come from configuration that is visible at build time: a config source on the test classpath.
 */
public class NoDockerConfigSource implements ConfigSource {

    private static final boolean DOCKER = DockerProbe.dockerAvailable();
    private static final Map<String, String> PROPERTIES = DOCKER ? Map.of() : Map.of("quarkus.devservices.enabled", "false");

    @Override
    public Map<String, String> getProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "openretention-testkit-no-docker";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
