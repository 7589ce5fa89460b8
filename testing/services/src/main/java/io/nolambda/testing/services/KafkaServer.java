package io.nolambda.testing.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft Kafka (combined broker and controller), run from testing/kafka-server's classpath. */
final class KafkaServer {
  static final String NAME = "kafka";
  static final String MAIN_CLASS = "kafka.Kafka";

  /** Kafka logs through slf4j to log4j 1 (reload4j); send it all to stdout, which is the log file. */
  private static final String LOG4J = """
      log4j.rootLogger=INFO, stdout
      log4j.appender.stdout=org.apache.log4j.ConsoleAppender
      log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
      log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
      """;

  private KafkaServer() {}

  /** Writes the config, formats the storage on first use, then starts the broker. */
  static ServerProcess launch(ServicesConfig config, StateDir state, String classpath, Duration timeout) {
    Path dir = state.serviceDir(NAME);
    Path properties = dir.resolve("server.properties");
    Path log4j = dir.resolve("log4j.properties");
    StateDir.io(() -> Files.writeString(properties, properties(config, state.dataDir(NAME))));
    StateDir.io(() -> Files.writeString(log4j, LOG4J));
    List<String> jvm = List.of("-Xms" + Math.min(256, config.kafkaHeapMb()) + "m", "-Xmx" + config.kafkaHeapMb() + "m",
        "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dlog4j.configuration=" + log4j.toUri());
    if (!Files.exists(state.dataDir(NAME).resolve("meta.properties"))) {
      ServerProcess.run("Formatting Kafka storage", dir, state.logFile(NAME), jvm, classpath, "kafka.tools.StorageTool",
          List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), timeout);
    }
    return ServerProcess.launch(NAME, state, jvm, classpath, MAIN_CLASS, List.of(properties.toString()),
        config.detached());
  }

  /** Ready when the broker answers a describeCluster with itself in it. */
  static void awaitReady(ServerProcess server, ServicesConfig config, Instant deadline) {
    server.awaitReady(deadline, "the broker port answers", () -> Ports.answers(Ports.HOST, config.kafkaPort()));
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ports.HOST + ":" + config.kafkaPort(),
        AdminClientConfig.CLIENT_ID_CONFIG, "nolambda-readiness",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      server.awaitReady(deadline, "the broker describes the cluster", () -> {
        try {
          return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
              .nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ServicesException("Interrupted while waiting for Kafka");
        } catch (Exception e) {
          return false;
        }
      });
    }
  }

  private static String properties(ServicesConfig config, Path dataDir) {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@%1$s:%3$d
        listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
        advertised.listeners=PLAINTEXT://%1$s:%2$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%4$s
        num.partitions=%5$d
        auto.create.topics.enable=true
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        group.initial.rebalance.delay.ms=0
        # replayed events carry old timestamps: time-based retention would delete them within minutes
        log.retention.ms=-1
        """.formatted(Ports.HOST, config.kafkaPort(), config.kafkaControllerPort(), dataDir, config.kafkaPartitions());
  }
}
