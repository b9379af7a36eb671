package org.openretention.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.openretention.platform.messaging.EventConsumers;

import java.util.List;

/**
 * Ready while every Kafka consumer of the service runs. A consumer waiting for the database or the broker still
 * runs (those have checks of their own); one that stopped for good, e.g. fenced by another instance using its
 * instance id, makes the service not ready, with the reason.
 */
@Readiness
@ApplicationScoped
public class IntakeHealthCheck implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        List<String> failed = consumers.failed();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event intake").status(failed.isEmpty());
        consumers.status().forEach((useCase, topics) -> topics.forEach(t ->
                response.withData(useCase + "/" + t.topic(), String.join(",", t.states()))));
        for (int i = 0; i < failed.size(); i++) {
            response.withData("failed." + i, failed.get(i));
        }
        return response.build();
    }
}
