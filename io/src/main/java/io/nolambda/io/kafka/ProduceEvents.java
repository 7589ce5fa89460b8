package io.nolambda.io.kafka;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.kafka.registry.KafkaSchemaRegistry;
import io.nolambda.io.kafka.registry.SchemaVersion;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sends a stream of events to Kafka for the CLI ({@code nolambda produce}) and tests: creates the
 * topics if asked, registers the event schemas in the registry first (so a refused schema fails
 * before any event is sent), sends every event, reports progress, and waits for every send to be
 * acknowledged before returning the summary.
 *
 * <pre>{@code
 * ProduceEvents.Summary s = ProduceEvents.to(bootstrap)
 *     .topicPrefix("")
 *     .createTopics(4, TopicAdmin.RETAIN_FOREVER)
 *     .onProgress(p -> bar.stepTo(p.events()), Duration.ofMillis(500))
 *     .send(new CitySimulator(config));
 * }</pre>
 */
public final class ProduceEvents {
  /** Progress so far: events handed to the producer, and the mean rate since the start. */
  public record Progress(long events, Duration elapsed) {
    public double eventsPerSecond() {
      return rate(events, elapsed);
    }
  }

  /**
   * What was sent: events in total and per kind, the schema versions used per kind, and how long
   * it took (all sends acknowledged).
   */
  public record Summary(long events, Map<String, Long> eventsByKind, Map<String, SchemaVersion> schemas, Duration elapsed) {
    public double eventsPerSecond() {
      return rate(events, elapsed);
    }

    @Override
    public String toString() {
      return String.format("%,d events %s in %.1f s (%,.0f events/s)", events, eventsByKind,
          elapsed.toMillis() / 1000.0, eventsPerSecond());
    }
  }

  private final String bootstrap;
  private final String topicPrefix;
  private final int partitions;
  private final long retentionMillis;
  private final Consumer<Progress> progress;
  private final Duration progressInterval;

  private ProduceEvents(String bootstrap, String topicPrefix, int partitions, long retentionMillis,
      Consumer<Progress> progress, Duration progressInterval) {
    this.bootstrap = bootstrap;
    this.topicPrefix = topicPrefix;
    this.partitions = partitions;
    this.retentionMillis = retentionMillis;
    this.progress = progress;
    this.progressInterval = progressInterval;
  }

  /** Sends to the topics without a prefix, creating none, reporting no progress. */
  public static ProduceEvents to(String bootstrap) {
    return new ProduceEvents(bootstrap, "", 0, TopicAdmin.RETAIN_FOREVER, p -> {}, Duration.ofSeconds(1));
  }

  public ProduceEvents topicPrefix(String prefix) {
    return new ProduceEvents(bootstrap, prefix, partitions, retentionMillis, progress, progressInterval);
  }

  /** Creates the event topics that do not exist yet, with this many partitions and retention. */
  public ProduceEvents createTopics(int partitionCount, long retention) {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, not " + partitionCount);
    }
    return new ProduceEvents(bootstrap, topicPrefix, partitionCount, retention, progress, progressInterval);
  }

  /** Calls {@code callback} at most once per {@code interval}, and once at the end. */
  public ProduceEvents onProgress(Consumer<Progress> callback, Duration interval) {
    return new ProduceEvents(bootstrap, topicPrefix, partitions, retentionMillis, callback, interval);
  }

  /**
   * Sends all events and waits until Kafka acknowledged them.
   *
   * @throws io.nolambda.io.kafka.registry.IncompatibleSchemaException before sending anything, if
   *     the registry refuses this build's schemas
   * @throws IllegalStateException if a send failed
   */
  public Summary send(Iterable<CityEvent> events) {
    long start = System.nanoTime();
    if (partitions > 0) {
      try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
        admin.createEventTopics(topicPrefix, partitions, retentionMillis);
      }
    }
    Map<String, Long> byKind = new TreeMap<>();
    long sent = 0;
    Map<String, SchemaVersion> schemas;
    try (KafkaSchemaRegistry registry = KafkaSchemaRegistry.connect(bootstrap, EventTopics.registryTopic(topicPrefix));
        CityEventProducer producer = new CityEventProducer(bootstrap, topicPrefix, registry)) {
      schemas = new TreeMap<>(producer.registerCompiledSchemas());
      long intervalNanos = progressInterval.toNanos();
      long nextReport = System.nanoTime() + intervalNanos;
      for (CityEvent event : events) {
        producer.send(event);
        byKind.merge(CityEvents.kind(event), 1L, Long::sum);
        sent++;
        if ((sent & 0xFF) == 0 && System.nanoTime() >= nextReport) {
          progress.accept(new Progress(sent, Duration.ofNanos(System.nanoTime() - start)));
          nextReport = System.nanoTime() + intervalNanos;
        }
      }
      producer.flush();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    progress.accept(new Progress(sent, elapsed));
    return new Summary(sent, Map.copyOf(byKind), Map.copyOf(schemas), elapsed);
  }

  private static double rate(long events, Duration elapsed) {
    long nanos = elapsed.toNanos();
    return nanos == 0 ? 0 : events * 1e9 / nanos;
  }
}
