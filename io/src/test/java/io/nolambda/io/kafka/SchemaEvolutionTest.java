package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.kafka.registry.IncompatibleSchemaException;
import io.nolambda.io.kafka.registry.KafkaSchemaRegistry;
import io.nolambda.io.kafka.registry.TestSchemas;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Writers and readers on different versions of BusPosition, through the registry and Kafka. */
@WithLocalServices
class SchemaEvolutionTest {
  /** v2: v1 plus odometer_m with a default (the project's evolution example). */
  static final Schema V2 = TestSchemas.withField(BusPosition.getClassSchema(), "odometer_m",
      SchemaBuilder.unionOf().nullType().and().doubleType().endUnion(), true);

  private static List<BusPosition> buses(long seed) {
    List<BusPosition> buses = new ArrayList<>();
    for (CityEvent e : KafkaTestSupport.simulated(20_000, seed)) {
      if (e.getPayload() instanceof BusPosition b) {
        buses.add(b);
      }
    }
    return buses;
  }

  private static GenericRecord asV2(BusPosition bus, double odometer) {
    GenericRecord v2 = new GenericData.Record(V2);
    for (Schema.Field f : BusPosition.getClassSchema().getFields()) {
      Object value = bus.get(f.pos());
      v2.put(f.name(), f.name().equals("status") ? new GenericData.EnumSymbol(V2.getField("status").schema(), value.toString()) : value);
    }
    v2.put("odometer_m", odometer);
    return v2;
  }

  @Test
  void aV1PipelineReadsMessagesWrittenWithV1AndV2(ServiceEndpoints services) {
    String bootstrap = services.kafkaBootstrap();
    String prefix = KafkaTestSupport.prefix("evolution");
    try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
      admin.createEventTopics(prefix, 2, TopicAdmin.RETAIN_FOREVER);
    }
    List<BusPosition> buses = buses(21);
    Map<String, Long> expected = new HashMap<>();
    try (CityEventProducer producer = new CityEventProducer(bootstrap, prefix)) {
      producer.registerCompiledSchemas();
      assertThat(producer.register(V2).version()).isEqualTo(2);
      for (int i = 0; i < buses.size(); i++) {
        BusPosition bus = buses.get(i);
        if (i % 2 == 0) {
          producer.send(asV2(bus, 1000.0 * i), bus.getVehicleId(), bus.getEventTime()); // a producer on v2
        } else {
          producer.send(CityEvents.of(bus)); // a producer still on v1
        }
        expected.put(bus.getEventId(), KafkaTestSupport.contentHash(CityEvents.of(bus)));
      }
    }
    KafkaOptions options = KafkaTestSupport.options(bootstrap, prefix, prefix + "group");
    KafkaTestSupport.Received read = KafkaTestSupport.run(options, ReadCityEvents.of(options, List.of("BusPosition")).upToCurrentEnd());
    System.out.printf("evolution: %,d bus positions (half v1, half v2) read by a v1 pipeline%n", read.events.get());
    assertThat(read.deadLetters).isZero();
    assertThat(read.hashById).hasSize(buses.size()).isEqualTo(expected); // v2 messages read as v1: odometer dropped
  }

  @Test
  void aV2ReaderReadsV1MessagesWithTheDefault(ServiceEndpoints services) {
    String bootstrap = services.kafkaBootstrap();
    String prefix = KafkaTestSupport.prefix("evolution-reverse");
    try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
      admin.createEventTopics(prefix, 1, TopicAdmin.RETAIN_FOREVER);
    }
    List<BusPosition> buses = buses(22).subList(0, 500);
    try (CityEventProducer producer = new CityEventProducer(bootstrap, prefix)) {
      buses.forEach(b -> producer.send(CityEvents.of(b)));
    }
    List<GenericRecord> decoded = new ArrayList<>();
    try (KafkaSchemaRegistry registry = KafkaSchemaRegistry.connect(bootstrap, EventTopics.registryTopic(prefix));
        KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      registry.register(EventTopics.subject(prefix + "bus-positions"), V2); // the reader's newer schema
      CityEventCodec v2Reader = new CityEventCodec(registry);
      TopicPartition tp = new TopicPartition(prefix + "bus-positions", 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (decoded.size() < buses.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          decoded.add(v2Reader.decode(r.value(), V2));
        }
      }
    }
    assertThat(decoded).hasSize(buses.size());
    for (int i = 0; i < buses.size(); i++) {
      GenericRecord v2 = decoded.get(i);
      assertThat(v2.get("odometer_m")).isNull();
      assertThat(v2.get("event_id").toString()).isEqualTo(buses.get(i).getEventId());
      assertThat(v2.get("lat")).isEqualTo(buses.get(i).getLat());
    }
  }

  @Test
  void anIncompatibleWriterIsRefusedAtRegistrationBeforeAnythingIsSent(ServiceEndpoints services) {
    String bootstrap = services.kafkaBootstrap();
    String prefix = KafkaTestSupport.prefix("evolution-refused");
    try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
      admin.createEventTopics(prefix, 1, TopicAdmin.RETAIN_FOREVER);
    }
    Schema v3 = TestSchemas.withField(BusPosition.getClassSchema(), "mileage", Schema.create(Schema.Type.LONG), false);
    BusPosition bus = buses(23).get(0);
    GenericRecord record = new GenericData.Record(v3);
    for (Schema.Field f : BusPosition.getClassSchema().getFields()) {
      Object value = bus.get(f.pos());
      record.put(f.name(), f.name().equals("status") ? new GenericData.EnumSymbol(v3.getField("status").schema(), value.toString()) : value);
    }
    record.put("mileage", 12L);
    try (CityEventProducer producer = new CityEventProducer(bootstrap, prefix)) {
      producer.send(CityEvents.of(bus));
      assertThatThrownBy(() -> producer.send(record, bus.getVehicleId(), bus.getEventTime()))
          .isInstanceOf(IncompatibleSchemaException.class)
          .hasMessageContaining("field BusPosition.mileage")
          .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
    }
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      TopicPartition tp = new TopicPartition(prefix + "bus-positions", 0);
      assertThat(consumer.endOffsets(List.of(tp)).get(tp)).isEqualTo(1); // only the v1 event
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
