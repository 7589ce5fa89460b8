package io.nolambda.io.kafka;

import io.nolambda.io.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.ProducerRecordCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead letters to the dead-letter topic: the original bytes as the value, and the reason,
 * detail and origin (topic, partition, offset) as headers, so the record can be replayed as is.
 * The key is the origin topic and partition.
 */
public final class WriteDeadLettersToKafka extends PTransform<PCollection<DeadLetter>, PDone> {
  public static final String TOPIC = "dead-letters";

  private final String bootstrap;
  private final String topic;

  private WriteDeadLettersToKafka(String bootstrap, String topic) {
    this.bootstrap = bootstrap;
    this.topic = topic;
  }

  public static WriteDeadLettersToKafka of(KafkaOptions options) {
    return new WriteDeadLettersToKafka(options.getKafkaBootstrap(), options.getTopicPrefix() + TOPIC);
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    String target = topic;
    return deadLetters
        .apply("To records",
            MapElements.into(new TypeDescriptor<ProducerRecord<byte[], byte[]>>() {})
                .via(d -> new ProducerRecord<>(target, null, null, key(d), d.payload, headers(d))))
        .setCoder(ProducerRecordCoder.of(NullableCoder.of(ByteArrayCoder.of()), ByteArrayCoder.of()))
        .apply("Send",
            KafkaIO.<byte[], byte[]>writeRecords()
                .withBootstrapServers(bootstrap)
                .withTopic(target)
                .withKeySerializer(ByteArraySerializer.class)
                .withValueSerializer(ByteArraySerializer.class));
  }

  /** Keyed by origin, so the dead letters of one source partition stay in order. */
  private static byte[] key(DeadLetter d) {
    return (d.source + "/" + d.partition).getBytes(StandardCharsets.UTF_8);
  }

  private static RecordHeaders headers(DeadLetter d) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("reason", d.reason.getBytes(StandardCharsets.UTF_8));
    headers.add("detail", d.detail.getBytes(StandardCharsets.UTF_8));
    headers.add("source.topic", d.source.getBytes(StandardCharsets.UTF_8));
    headers.add("source.partition", Integer.toString(d.partition).getBytes(StandardCharsets.UTF_8));
    headers.add("source.offset", Long.toString(d.offset).getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
