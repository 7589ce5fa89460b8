package io.nolambda.testing.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the local services. Immutable: every {@code withX} returns a changed copy.
 *
 * @param home project root; the server classpaths are found under {@code testing/*-server}
 * @param stateDir configs, data, logs, PID files and endpoints of the services
 * @param credentials the application role; null means: environment, else the state dir's
 *     credentials file, else generated at the first start
 * @param detached if true the services outlive this JVM (for a CLI); if false they stop with it
 * @param deleteDataOnClose whether {@link LocalServices#close()} deletes the Kafka and Cassandra data
 */
public record ServicesConfig(
    Path home,
    Path stateDir,
    int kafkaPort,
    int kafkaControllerPort,
    int kafkaPartitions,
    int kafkaHeapMb,
    int cassandraPort,
    int cassandraStoragePort,
    int cassandraHeapMb,
    CassandraCredentials credentials,
    boolean detached,
    boolean deleteDataOnClose,
    Duration startTimeout) {

  public ServicesConfig {
    home = home.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
    Objects.requireNonNull(startTimeout, "startTimeout");
  }

  /** Standard ports, state in {@code <home>/.services}. */
  public static ServicesConfig defaults(Path home) {
    return new ServicesConfig(home, home.resolve(".services"), 9092, 9093, 2, 512, 9042, 7000, 512, null,
        false, false, Duration.ofSeconds(90));
  }

  /** A fresh temporary state dir and free random ports; the project root comes from {@code nolambda.home}. */
  public static ServicesConfig forTests() {
    int[] ports = Ports.free(4);
    try {
      return defaults(ProjectHome.resolve())
          .withStateDir(Files.createTempDirectory("nolambda-services-"))
          .withKafkaPorts(ports[0], ports[1])
          .withCassandraPorts(ports[2], ports[3])
          .withDeleteDataOnClose(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ServicesConfig withStateDir(Path dir) {
    return new ServicesConfig(home, dir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, detached, deleteDataOnClose, startTimeout);
  }

  public ServicesConfig withKafkaPorts(int broker, int controller) {
    return new ServicesConfig(home, stateDir, broker, controller, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, detached, deleteDataOnClose, startTimeout);
  }

  /** Partitions of auto-created topics. */
  public ServicesConfig withKafkaPartitions(int partitions) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, partitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, detached, deleteDataOnClose, startTimeout);
  }

  public ServicesConfig withKafkaHeapMb(int heapMb) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, heapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, detached, deleteDataOnClose, startTimeout);
  }

  public ServicesConfig withCassandraPorts(int nativePort, int storagePort) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        nativePort, storagePort, cassandraHeapMb, credentials, detached, deleteDataOnClose, startTimeout);
  }

  public ServicesConfig withCassandraHeapMb(int heapMb) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, heapMb, credentials, detached, deleteDataOnClose, startTimeout);
  }

  public ServicesConfig withCredentials(CassandraCredentials appRole) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, appRole, detached, deleteDataOnClose, startTimeout);
  }

  public ServicesConfig withDetached(boolean outliveThisJvm) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, outliveThisJvm, deleteDataOnClose,
        startTimeout);
  }

  public ServicesConfig withDeleteDataOnClose(boolean delete) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, detached, delete, startTimeout);
  }

  public ServicesConfig withStartTimeout(Duration timeout) {
    return new ServicesConfig(home, stateDir, kafkaPort, kafkaControllerPort, kafkaPartitions, kafkaHeapMb,
        cassandraPort, cassandraStoragePort, cassandraHeapMb, credentials, detached, deleteDataOnClose, timeout);
  }
}
