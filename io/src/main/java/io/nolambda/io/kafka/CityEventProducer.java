package io.nolambda.io.kafka;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.kafka.registry.KafkaSchemaRegistry;
import io.nolambda.io.kafka.registry.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events to their kind's topic, keyed by entity and stamped with the event time (so the
 * record's CreateTime is the event time). Before the first message of a schema goes out, the
 * schema is registered (compatibility-checked) in the {@link KafkaSchemaRegistry} under the topic's
 * subject, so every reader can resolve the fingerprint the message carries. Idempotent producer: a
 * retried send is not duplicated. Not thread-safe.
 */
public final class CityEventProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaSchemaRegistry registry;
  private final boolean ownsRegistry;
  private final CityEventCodec codec;
  private final String topicPrefix;
  private final Map<Schema, SchemaVersion> registered = new HashMap<>();
  private volatile Exception failure;

  /** A producer with the registry of the prefix ({@link EventTopics#registryTopic}). */
  public CityEventProducer(String bootstrap, String topicPrefix) {
    this(bootstrap, topicPrefix, KafkaSchemaRegistry.connect(bootstrap, EventTopics.registryTopic(topicPrefix)), true);
  }

  /** A producer that registers schemas in the given registry (left open on close). */
  public CityEventProducer(String bootstrap, String topicPrefix, KafkaSchemaRegistry registry) {
    this(bootstrap, topicPrefix, registry, false);
  }

  private CityEventProducer(String bootstrap, String topicPrefix, KafkaSchemaRegistry registry, boolean ownsRegistry) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.registry = registry;
    this.ownsRegistry = ownsRegistry;
    this.codec = new CityEventCodec(registry);
    this.topicPrefix = topicPrefix;
  }

  /** Registers the compiled schema of every event kind under its topic's subject. */
  public Map<String, SchemaVersion> registerCompiledSchemas() {
    Map<String, SchemaVersion> versions = new HashMap<>();
    CityEventCodec.compiledSchemas().forEach((kind, schema) -> versions.put(kind, register(schema)));
    return versions;
  }

  /**
   * Registers a writer schema of an event kind (its record name names the kind) under its topic's
   * subject, or finds it registered.
   *
   * @throws io.nolambda.io.kafka.registry.IncompatibleSchemaException if the subject refuses it
   */
  public SchemaVersion register(Schema schema) {
    SchemaVersion version = registered.get(schema);
    if (version == null) {
      version = registry.register(EventTopics.subject(EventTopics.topic(topicPrefix, schema.getName())), schema);
      registered.put(schema, version);
    }
    return version;
  }

  /** Sends asynchronously; a failed send fails the next {@link #flush()} or {@link #close()}. */
  public void send(CityEvent event) {
    register(((org.apache.avro.specific.SpecificRecord) event.getPayload()).getSchema());
    send(CityEvents.kind(event), EventTopics.key(event), CityEvents.eventTime(event), codec.encode(event));
  }

  /**
   * Sends an event payload written with its own schema, e.g. a newer version of the kind than the
   * one compiled into this build (registered first, so it must be compatible).
   */
  public void send(GenericRecord payload, String key, long eventTime) {
    register(payload.getSchema());
    send(payload.getSchema().getName(), key, eventTime, codec.encode(payload));
  }

  private void send(String kind, String key, long eventTime, byte[] value) {
    producer.send(
        new ProducerRecord<>(EventTopics.topic(topicPrefix, kind), null, eventTime,
            key.getBytes(StandardCharsets.UTF_8), value),
        (metadata, error) -> {
          if (error != null) {
            failure = error;
          }
        });
  }

  public void flush() {
    producer.flush();
    if (failure != null) {
      throw new IllegalStateException("a send to Kafka failed", failure);
    }
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      producer.close();
      if (ownsRegistry) {
        registry.close();
      }
    }
  }
}
