package io.nolambda.io.kafka;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.EventJson;
import io.nolambda.io.SourceOutputs;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Shared by the Kafka integration tests: simulated events, pipelines on the DirectRunner, what they read. */
final class KafkaTestSupport {
  /** What a test pipeline read, by run id (the DirectRunner runs in this JVM). */
  static final Map<String, Received> RECEIVED = new ConcurrentHashMap<>();

  private KafkaTestSupport() {}

  /** A topic prefix of its own for every test. */
  static String prefix(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  /** The first n events of a simulated city sized to give a little over n (about 4,000 are not assets). */
  static Iterable<CityEvent> simulated(long n, long seed) {
    SimulatorConfig config = SimulatorConfig.builder().seed(seed)
        .assetEventsPerSecond(Math.max(1, (n - 3_000) / 3_600.0)).build();
    CitySimulator city = new CitySimulator(config);
    return () -> new Iterator<>() {
      private final Iterator<CityEvent> events = city.iterator();
      private long given;

      @Override
      public boolean hasNext() {
        return given < n && events.hasNext();
      }

      @Override
      public CityEvent next() {
        given++;
        return events.next();
      }
    };
  }

  /** Order-independent content checksum: the sum of the events' canonical JSON hashes. */
  static long contentHash(CityEvent event) {
    return EventJson.encode(event).hashCode() & 0xFFFFFFFFL;
  }

  static KafkaOptions options(String bootstrap, String prefix, String group) {
    KafkaOptions options = PipelineOptionsFactory.fromArgs(
        "--runner=DirectRunner", "--kafkaBootstrap=" + bootstrap, "--topicPrefix=" + prefix,
        "--kafkaGroupId=" + group, "--targetParallelism=2", "--blockOnRun=true").as(KafkaOptions.class);
    return options;
  }

  /** The events and dead letters of one read. */
  static final class Received {
    final Map<String, Long> hashById = new ConcurrentHashMap<>();
    final AtomicLong events = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    long deadLetters;
    double seconds;

    double eventsPerSecond() {
      return (events.get() + deadLetters) / seconds;
    }

    long contentSum() {
      return hashById.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Collects events of a run into {@link #RECEIVED}. */
  static final class Collect extends DoFn<CityEvent, Void> {
    private final String run;

    Collect(String run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element CityEvent event) {
      Received r = RECEIVED.get(run);
      r.events.incrementAndGet();
      if (r.hashById.put(CityEvents.eventId(event), contentHash(event)) != null) {
        r.duplicates.incrementAndGet();
      }
    }
  }

  /** Runs a bounded read to completion: events collected, dead letters to the dead-letter topic. */
  static Received run(KafkaOptions options, ReadCityEvents read) {
    String run = UUID.randomUUID().toString();
    Received received = new Received();
    RECEIVED.put(run, received);
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple out = pipeline.apply("Read", read);
    out.get(SourceOutputs.EVENTS).apply("Collect", ParDo.of(new Collect(run)));
    out.get(SourceOutputs.DEAD_LETTERS).apply("Dead letters", WriteDeadLettersToKafka.of(options));
    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    received.seconds = (System.nanoTime() - start) / 1e9;
    received.deadLetters = counter(result, "dead_letters");
    RECEIVED.remove(run);
    return received;
  }

  static long counter(PipelineResult result, String name) {
    MetricQueryResults metrics = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.named(ReadCityEvents.class, name)).build());
    long sum = 0;
    for (MetricResult<Long> c : metrics.getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  /** A dead-letter record as the topic holds it. */
  record DeadRecord(String reason, String detail, String sourceTopic, int sourcePartition, long sourceOffset, byte[] value) {}

  /** Reads the dead-letter topic until it holds {@code expected} records (or 60 s pass). */
  static List<DeadRecord> deadLetters(String bootstrap, String prefix, long expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    List<DeadRecord> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      String topic = prefix + WriteDeadLettersToKafka.TOPIC;
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          out.add(new DeadRecord(header(r, "reason"), header(r, "detail"), header(r, "source.topic"),
              Integer.parseInt(header(r, "source.partition")), Long.parseLong(header(r, "source.offset")), r.value()));
        }
      }
      // anything beyond the expected count would be a bug too: give it a moment to show up
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        out.add(new DeadRecord(header(r, "reason"), header(r, "detail"), header(r, "source.topic"),
            Integer.parseInt(header(r, "source.partition")), Long.parseLong(header(r, "source.offset")), r.value()));
      }
    }
    return out;
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
