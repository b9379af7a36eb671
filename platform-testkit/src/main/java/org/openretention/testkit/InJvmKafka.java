package org.openretention.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) inside the test JVM, started once
 * and shared by every test of the JVM. Topic auto-creation is off, as in the local stack, so services must
 * create their topics themselves.
 *
 * <p>The broker stops in one JVM shutdown hook that first closes it and only then deletes its directories. Kafka's
 * test kit registers a hook of its own per temporary directory that deletes it; run side by side with the close,
 * such a hook can remove a log directory under a broker that is still writing, and the broker then halts the JVM
 * with status 1 ("all log dirs have failed"): the test fork fails after every test passed. So the kit's hooks are
 * collected while it starts and run after the close.
 */
public final class InJvmKafka {

    private static KafkaClusterTestKit cluster;
    private static final List<Runnable> afterClose = new ArrayList<>();
    private static boolean stopHookAdded;

    private InJvmKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            if (!stopHookAdded) {
                // before the start, so that the directories of a start that fails halfway are removed too
                Runtime.getRuntime().addShutdownHook(new Thread(InJvmKafka::stop, "in-jvm-kafka-stop"));
                stopHookAdded = true;
            }
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        Exit.setShutdownHookAdder((name, hook) -> afterClose.add(hook));
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka broker: " + e.getMessage(), e);
        } finally {
            Exit.resetShutdownHookAdder();
        }
    }

    private static synchronized void stop() {
        // The JVM is exiting after the tests have run: a broker that asks to exit or halt while closing must not
        // turn the run's exit status into a failure (nor block the exit). Say so instead.
        Exit.setExitProcedure(InJvmKafka::ignoreExit);
        Exit.setHaltProcedure(InJvmKafka::ignoreExit);
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("in-JVM Kafka did not close cleanly: " + e);
            }
            cluster = null;
        }
        afterClose.forEach(InJvmKafka::runQuietly);
        afterClose.clear();
    }

    private static void ignoreExit(int status, String message) {
        System.err.printf("in-JVM Kafka asked to end the JVM with status %d while stopping (ignored): %s%n", status, message);
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            System.err.println("in-JVM Kafka clean-up failed: " + e);
        }
    }
}
