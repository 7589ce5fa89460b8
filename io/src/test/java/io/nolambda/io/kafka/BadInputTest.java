package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.ParkingEvent;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.io.kafka.registry.KafkaSchemaRegistry;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * 10,000 bad records (2,000 each of truncated, random bytes, flipped fingerprint, valid Avro of a
 * schema that is no event kind, out-of-range values) mixed into 100,000 good ones.
 */
@WithLocalServices
class BadInputTest {
  private static final int GOOD = 100_000;
  private static final int BAD_PER_KIND = 2_000;

  /** A registered schema that is no event kind. */
  static final Schema THERMOMETER = SchemaBuilder.record("Thermometer").namespace("io.nolambda.test").fields()
      .requiredString("sensor").requiredDouble("celsius").endRecord();

  @Test
  void theReadNeverFailsEveryGoodEventArrivesAndEveryBadOneIsADeadLetterWithItsReason(ServiceEndpoints services) {
    String bootstrap = services.kafkaBootstrap();
    String prefix = KafkaTestSupport.prefix("bad");
    try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
      admin.createEventTopics(prefix, 3, TopicAdmin.RETAIN_FOREVER);
    }
    Random random = new Random(4);
    Map<String, Long> expectedGood = new HashMap<>();
    Map<ByteBuffer, DeadLetterReason> bad = new HashMap<>();
    Map<DeadLetterReason, Integer> badByReason = new EnumMap<>(DeadLetterReason.class);
    long start = System.nanoTime();
    try (KafkaSchemaRegistry registry = KafkaSchemaRegistry.connect(bootstrap, EventTopics.registryTopic(prefix));
        CityEventProducer good = new CityEventProducer(bootstrap, prefix, registry);
        KafkaProducer<byte[], byte[]> raw = rawProducer(bootstrap)) {
      good.registerCompiledSchemas();
      registry.register("thermometers-value", THERMOMETER);
      CityEventCodec codec = new CityEventCodec(registry);
      int sent = 0;
      for (CityEvent event : KafkaTestSupport.simulated(GOOD, 5)) {
        good.send(event);
        expectedGood.put(CityEvents.eventId(event), KafkaTestSupport.contentHash(event));
        if (++sent % 10 == 0) { // one bad record after every 10 good ones: 10,000 in all
          DeadLetterReason reason = DeadLetterReason.values()[0]; // replaced below
          byte[] bytes;
          switch ((sent / 10) % 5) {
            case 0 -> {
              byte[] whole = codec.encode(event);
              // cut in the second half: the unique event id (the first field) stays, so no two are alike
              bytes = java.util.Arrays.copyOf(whole, whole.length / 2 + random.nextInt(whole.length - whole.length / 2));
              reason = DeadLetterReason.CORRUPT_BODY;
            }
            case 1 -> {
              bytes = new byte[1 + random.nextInt(200)];
              random.nextBytes(bytes);
              bytes[0] = (byte) (bytes[0] == (byte) 0xC3 ? 0 : bytes[0]);
              reason = DeadLetterReason.NOT_SINGLE_OBJECT_ENCODING;
            }
            case 2 -> {
              bytes = codec.encode(event);
              bytes[2 + random.nextInt(8)] ^= (byte) (1 << random.nextInt(8));
              reason = DeadLetterReason.UNKNOWN_SCHEMA;
            }
            case 3 -> {
              GenericRecord t = new GenericData.Record(THERMOMETER);
              t.put("sensor", "s" + sent);
              t.put("celsius", random.nextGaussian() * 10);
              bytes = codec.encode(t);
              reason = DeadLetterReason.SCHEMA_MISMATCH;
            }
            default -> {
              bytes = codec.encode(outOfRange(event, random));
              reason = DeadLetterReason.INVALID_VALUE;
            }
          }
          bytes = makeUnique(bytes, bad, random);
          bad.put(ByteBuffer.wrap(bytes), reason);
          badByReason.merge(reason, 1, Integer::sum);
          raw.send(new ProducerRecord<>(EventTopics.topic(prefix, CityEvents.kind(event)), null,
              CityEvents.eventTime(event), ("bad-" + sent).getBytes(StandardCharsets.UTF_8), bytes));
        }
      }
      good.flush();
      raw.flush();
    }
    double produceSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("produce: %,d good + %,d bad records in %.1f s (%,.0f records/s)%n",
        GOOD, bad.size(), produceSeconds, (GOOD + bad.size()) / produceSeconds);
    assertThat(badByReason.values()).allMatch(n -> n == BAD_PER_KIND);

    KafkaOptions options = KafkaTestSupport.options(bootstrap, prefix, prefix + "group");
    KafkaTestSupport.Received read = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).upToCurrentEnd());
    System.out.printf("read: %,d events + %,d dead letters in %.1f s (%,.0f records/s)%n",
        read.events.get(), read.deadLetters, read.seconds, read.eventsPerSecond());

    assertThat(read.hashById).isEqualTo(expectedGood);
    assertThat(read.duplicates.get()).isZero();
    assertThat(read.events.get() + read.deadLetters).isEqualTo(GOOD + bad.size());

    List<KafkaTestSupport.DeadRecord> dead = KafkaTestSupport.deadLetters(bootstrap, prefix, bad.size());
    assertThat(dead).hasSize(bad.size());
    Map<String, Integer> deadByReason = new TreeMap<>();
    for (KafkaTestSupport.DeadRecord d : dead) {
      deadByReason.merge(d.reason(), 1, Integer::sum);
      assertThat(d.reason()).as("reason of %s: %s", d.detail(), java.util.HexFormat.of().formatHex(d.value()))
          .isEqualTo(bad.get(ByteBuffer.wrap(d.value())).name());
      assertThat(d.sourceTopic()).startsWith(prefix);
      assertThat(d.sourceOffset()).isNotNegative();
      assertThat(d.detail()).isNotBlank();
    }
    System.out.println("dead letters by reason: " + deadByReason);
    Map<String, String> sample = new TreeMap<>();
    dead.forEach(d -> sample.putIfAbsent(d.reason(), d.sourceTopic() + "/" + d.sourcePartition() + "@" + d.sourceOffset() + ": " + d.detail()));
    sample.forEach((reason, detail) -> System.out.println("  " + reason + " <- " + detail));
    // which invalid value is read first depends on the partitions' interleaving: check them all
    dead.stream().filter(d -> d.reason().equals("INVALID_VALUE")).forEach(d -> assertThat(d.detail())
        .containsAnyOf("BusPosition.lat = ", "AssetEvent.event_time = ", "ParkingEvent.capacity = ", "ParkingEvent.free = "));
    assertThat(sample.get("UNKNOWN_SCHEMA")).contains("no registered schema has fingerprint");
    assertThat(sample.get("SCHEMA_MISMATCH")).contains("io.nolambda.test.Thermometer");
  }

  /** Out-of-range copies: latitude 200 on buses and incidents, capacity 0 or free -1 on parking, a negative time on assets. */
  private static CityEvent outOfRange(CityEvent event, Random random) {
    Object p = event.getPayload();
    if (p instanceof BusPosition b) {
      return CityEvents.of(BusPosition.newBuilder(b).setLat(200.0).build());
    } else if (p instanceof ParkingEvent e) {
      return CityEvents.of(e.getCapacity() != null
          ? ParkingEvent.newBuilder(e).setCapacity(0).build()
          : ParkingEvent.newBuilder(e).setFree(-1).build());
    } else if (p instanceof CityIncident i) {
      return CityEvents.of(CityIncident.newBuilder(i).setLon(-500.0).build());
    }
    return CityEvents.of(AssetEvent.newBuilder((AssetEvent) p).setEventTime(-1 - random.nextInt(1000)).build());
  }

  /** Random records could repeat: lengthen until unseen, so each dead letter maps to one record. Only random bytes can repeat. */
  private static byte[] makeUnique(byte[] bytes, Map<ByteBuffer, DeadLetterReason> seen, Random random) {
    byte[] b = bytes;
    while (seen.containsKey(ByteBuffer.wrap(b))) {
      if (seen.get(ByteBuffer.wrap(b)) != DeadLetterReason.NOT_SINGLE_OBJECT_ENCODING) {
        throw new IllegalStateException("two alike bad records that are not random bytes");
      }
      b = java.util.Arrays.copyOf(b, b.length + 1);
      b[b.length - 1] = (byte) random.nextInt();
    }
    return b;
  }

  private static KafkaProducer<byte[], byte[]> rawProducer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
