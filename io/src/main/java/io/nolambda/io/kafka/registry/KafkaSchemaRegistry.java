package io.nolambda.io.kafka.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nolambda.io.kafka.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
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

/**
 * A schema registry whose state is a compacted, single-partition Kafka topic, the way Confluent's
 * registry keeps its own: every client replays the topic into a cache at start and catches up
 * with it when asked for something it does not know, so a restart rebuilds the cache from the
 * topic and there is no registry server to run.
 *
 * <p>Records (key, JSON value): {@code schema|<subject>|<fingerprint hex>} with {@code subject},
 * {@code version}, {@code fingerprint} and {@code schema}, one per registered schema (registering
 * it again writes nothing, so compaction never loses or reorders versions); and
 * {@code config|<subject>} with the subject's {@code compatibility} (a null value resets it to the
 * default, {@link Compatibility#BACKWARD}). Versions number the schemas of a subject in topic order.
 * Two clients registering different schemas for one subject at the same moment both succeed (each
 * was checked against what it saw); the one later in the topic gets the next version.
 *
 * <p>Fingerprints are Avro's 64-bit parsing fingerprints
 * ({@link SchemaNormalization#parsingFingerprint64}), the ones single-object encoding writes, so
 * this is the {@link SchemaStore} a message decoder resolves writer schemas with. Thread-safe.
 */
public final class KafkaSchemaRegistry implements SchemaStore, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String SCHEMA = "schema|";
  private static final String CONFIG = "config|";

  private final String bootstrap;
  private final String topic;
  private final TopicPartition partition;
  private final KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> producer;

  private final Map<Long, SchemaVersion> anyByFingerprint = new HashMap<>();
  private final Map<String, List<SchemaVersion>> bySubject = new LinkedHashMap<>();
  private final Map<String, Compatibility> compatibility = new HashMap<>();
  private long refreshes;

  private KafkaSchemaRegistry(String bootstrap, String topic) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
  }

  /**
   * Connects to the registry kept in {@code topic} (created, compacted, if it does not exist) and
   * loads it.
   */
  public static KafkaSchemaRegistry connect(String bootstrap, String topic) {
    try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
      admin.createRegistryTopic(topic);
    }
    KafkaSchemaRegistry registry = new KafkaSchemaRegistry(bootstrap, topic);
    try {
      registry.refresh();
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** The registry's topic. */
  public String topic() {
    return topic;
  }

  /** The 64-bit fingerprint that single-object encoding writes for this schema. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /**
   * Registers {@code schema} under {@code subject}, or returns its existing version. A new schema is
   * checked against every earlier version under the subject's {@link Compatibility}.
   *
   * @throws IncompatibleSchemaException naming each incompatible field when the level refuses it
   */
  public synchronized SchemaVersion register(String subject, Schema schema) {
    refresh();
    long fingerprint = fingerprint(schema);
    List<SchemaVersion> earlier = bySubject.getOrDefault(subject, List.of());
    for (SchemaVersion v : earlier) {
      if (v.fingerprint() == fingerprint) {
        return v;
      }
    }
    Compatibility level = compatibility(subject);
    List<String> problems = level.problems(schema, earlier);
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException(subject, level, schema.getFullName(), problems);
    }
    ObjectNode value = JSON.createObjectNode()
        .put("subject", subject)
        .put("version", earlier.size() + 1)
        .put("fingerprint", Long.toHexString(fingerprint))
        .put("schema", schema.toString());
    long offset = write(SCHEMA + subject + "|" + Long.toHexString(fingerprint), value.toString());
    catchUpPast(offset);
    return bySubject.get(subject).stream().filter(v -> v.fingerprint() == fingerprint).findFirst()
        .orElseThrow(() -> new IllegalStateException("registered " + schema.getFullName() + " in " + subject
            + " but did not read it back from " + topic));
  }

  /** Sets the compatibility level of a subject for later registrations. */
  public synchronized void setCompatibility(String subject, Compatibility level) {
    long offset = write(CONFIG + subject, JSON.createObjectNode().put("compatibility", level.name()).toString());
    catchUpPast(offset);
  }

  /** The subject's compatibility level; {@link Compatibility#BACKWARD} unless set. */
  public synchronized Compatibility compatibility(String subject) {
    return compatibility.getOrDefault(subject, Compatibility.BACKWARD);
  }

  /** The versions of a subject, oldest first, as cached (call {@link #refresh()} to catch up). */
  public synchronized List<SchemaVersion> versions(String subject) {
    return List.copyOf(bySubject.getOrDefault(subject, List.of()));
  }

  public synchronized Optional<SchemaVersion> latest(String subject) {
    List<SchemaVersion> versions = bySubject.getOrDefault(subject, List.of());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  public synchronized Set<String> subjects() {
    return new TreeSet<>(bySubject.keySet());
  }

  /**
   * The schema with this fingerprint in any subject; on a cache miss the registry first catches up
   * with its topic, so a schema registered after this client started is found.
   */
  @Override
  public synchronized Schema findByFingerprint(long fingerprint) {
    return byFingerprint(fingerprint).map(SchemaVersion::schema).orElse(null);
  }

  /** Like {@link #findByFingerprint} with the subject and version (the first registration). */
  public synchronized Optional<SchemaVersion> byFingerprint(long fingerprint) {
    SchemaVersion found = anyByFingerprint.get(fingerprint);
    if (found == null) {
      refresh();
      found = anyByFingerprint.get(fingerprint);
    }
    return Optional.ofNullable(found);
  }

  /** How many times the cache has caught up with the topic (a measure of cache misses). */
  public synchronized long refreshes() {
    return refreshes;
  }

  /** Reads the registry topic up to its current end into the cache. */
  public synchronized void refresh() {
    refreshes++;
    long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
    catchUpTo(end);
  }

  private void catchUpPast(long offset) {
    catchUpTo(offset + 1);
  }

  private void catchUpTo(long end) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (consumer.position(partition, TIMEOUT) < end) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("registry topic " + topic + " not read up to offset " + end + " in " + TIMEOUT);
      }
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        apply(record.key(), record.value());
      }
    }
  }

  private void apply(String key, String value) {
    if (key == null) {
      return;
    }
    if (key.startsWith(CONFIG)) {
      String subject = key.substring(CONFIG.length());
      if (value == null) {
        compatibility.remove(subject);
      } else {
        compatibility.put(subject, Compatibility.valueOf(readJson(value).get("compatibility").asText()));
      }
    } else if (key.startsWith(SCHEMA) && value != null) {
      JsonNode node = readJson(value);
      String subject = node.get("subject").asText();
      Schema schema = new Schema.Parser().parse(node.get("schema").asText());
      long fingerprint = fingerprint(schema);
      List<SchemaVersion> versions = bySubject.computeIfAbsent(subject, s -> new ArrayList<>());
      if (versions.stream().anyMatch(v -> v.fingerprint() == fingerprint)) {
        return; // the same schema written twice (a race of two clients): the first one counts
      }
      SchemaVersion version = new SchemaVersion(subject, versions.size() + 1, fingerprint, schema);
      versions.add(version);
      anyByFingerprint.putIfAbsent(fingerprint, version);
    }
  }

  private static JsonNode readJson(String value) {
    try {
      return JSON.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("registry record is not JSON: " + value, e);
    }
  }

  private long write(String key, String value) {
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
    try {
      RecordMetadata written = producer.send(new ProducerRecord<>(topic, 0, key, value))
          .get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return written.offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write to registry topic " + topic, e);
    }
  }

  @Override
  public synchronized void close() {
    consumer.close(Duration.ofSeconds(5));
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

}
