package org.openretention.platform.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a use case that takes events in: put it on an {@code @ApplicationScoped} {@link EventHandler}, and the
 * platform kit ({@link EventConsumers}) consumes the named topics for it, runs every batch through
 * {@link EventIntake} (validation, dead-lettering, the processed-event claim, the transaction) and commits the
 * offsets. A topic that no use case of the service names is not consumed at all.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @EventConsumer(name = "profiles", topics = {Topics.CUSTOMERS, Topics.ORDERS})
 * public class ProfileIntake implements EventHandler {
 *     public void apply(EventEnvelope<?> event) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventConsumer {

    /**
     * The use case's name, unique within the service: the processed-event claims, stream positions and metrics are
     * kept under it, and the Kafka consumer group is {@code <service>.<name>}. Renaming it makes the use case see
     * every retained event as new: never rename a deployed one without a migration of its claims.
     */
    String name();

    /** The topics it takes in; each gets a {@code <topic>.dlq} for what cannot be applied. */
    String[] topics();
}
