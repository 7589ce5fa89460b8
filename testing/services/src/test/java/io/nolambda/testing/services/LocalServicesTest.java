package io.nolambda.testing.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.exceptions.AuthenticationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** One life of real services, in order: use, inspect, close, restart detached, stop from the state dir alone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalServicesTest {
  // Data kept on close, so the restart below finds it.
  private final ServicesConfig config = ServicesConfig.forTests().withDeleteDataOnClose(false);
  private LocalServices services;
  private ServiceEndpoints endpoints;

  @BeforeAll
  void start() {
    services = LocalServices.start(config);
    endpoints = services.endpoints();
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (services != null) {
      services.close();
    }
    LocalServices.stop(config.stateDir());
    try (Stream<Path> files = Files.walk(config.stateDir())) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** First, right after the start: Cassandra's credentials cache would accept the old password for 2 s. */
  @Test
  @Order(1)
  void bootstrapSuperuserNoLongerLogsIn() {
    try (Cluster cluster = Clients.cassandra(endpoints, "cassandra", "cassandra")) {
      assertThatThrownBy(cluster::connect).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  @Order(2)
  void kafkaTakesAndGivesBackARecord() throws Exception {
    RecordMetadata sent;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
      sent = producer.send(new ProducerRecord<>("roundtrip", "key", "value")).get();
    }
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()), new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<String, String>> records = consumer.poll(Duration.ofSeconds(10)).records(partition);
      assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(tuple("key", "value"));
    }
  }

  @Test
  @Order(3)
  void cassandraStoresARowForTheApplicationRole() {
    try (Cluster cluster = Clients.cassandra(endpoints); Session session = cluster.connect()) {
      session.execute("CREATE KEYSPACE roundtrip WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE roundtrip.kv (k text PRIMARY KEY, v text)");
      session.execute("INSERT INTO roundtrip.kv (k, v) VALUES ('key', 'value')");
      assertThat(session.execute("SELECT v FROM roundtrip.kv WHERE k = 'key'").one().getString("v")).isEqualTo("value");
    }
  }

  @Test
  @Order(4)
  void passwordIsOnlyInTheOwnerOnlyCredentialsFile() throws IOException {
    String password = endpoints.credentials().password();
    Path credentials = config.stateDir().resolve("cassandra-credentials.properties");
    assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(credentials)).contains(password);
    assertThat(config.stateDir().resolve("logs/cassandra.log")).exists();
    // Every other file, data and commit log included.
    try (Stream<Path> files = Files.walk(config.stateDir())) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> !f.equals(credentials)))
          .contains(config.stateDir().resolve("endpoints.properties"), config.stateDir().resolve("logs/kafka.log"))
          .allSatisfy(f -> assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
              .as(f.toString()).doesNotContain(password));
    }
    assertThat(services.toString()).contains("password=****").doesNotContain(password);
  }

  @Test
  @Order(5)
  void statusSeesBothRunning() {
    ServicesStatus status = LocalServices.status(config.stateDir());
    assertThat(status.running()).as(status.toString()).isTrue();
    assertThat(status.kafka().address()).isEqualTo(endpoints.kafkaBootstrap());
    assertThat(status.cassandra().address()).isEqualTo(endpoints.cassandraContact());
  }

  @Test
  @Order(6)
  void closeStopsBothAndFreesTheirPorts() {
    ServicesStatus running = LocalServices.status(config.stateDir());
    services.close();
    assertStopped(running);
  }

  @Test
  @Order(7)
  void restartedDetachedServicesKeepDataAndStopFromTheStateDirAlone() {
    services = LocalServices.start(config.withDetached(true));
    ServicesStatus running = LocalServices.status(config.stateDir());
    assertThat(running.running()).as(running.toString()).isTrue();
    try (Cluster cluster = Clients.cassandra(LocalServices.readEndpoints(config.stateDir()));
        Session session = cluster.connect()) {
      assertThat(session.execute("SELECT v FROM roundtrip.kv WHERE k = 'key'").one().getString("v")).isEqualTo("value");
    }
    LocalServices.stop(config.stateDir());
    assertStopped(running);
  }

  private void assertStopped(ServicesStatus wasRunning) {
    for (ServicesStatus.Service service : List.of(wasRunning.kafka(), wasRunning.cassandra())) {
      assertThat(ProcessHandle.of(service.pid().orElseThrow()).filter(ProcessHandle::isAlive)).as(service.name()).isEmpty();
      assertThat(config.stateDir().resolve(service.name() + ".pid")).doesNotExist();
    }
    assertThat(List.of(config.kafkaPort(), config.kafkaControllerPort(), config.cassandraPort(), config.cassandraStoragePort()))
        .allMatch(Ports::isFree);
    assertThat(LocalServices.status(config.stateDir()).stopped()).isTrue();
  }
}
