package io.nolambda.io.kafka;

import io.nolambda.events.CityEvent;
import io.nolambda.io.DeadLetter;
import io.nolambda.io.SourceOutputs;
import io.nolambda.io.UndecodableEventException;
import io.nolambda.io.kafka.registry.KafkaSchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaRecordCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads events of the given kinds from their Kafka topics in event time, resolving each message's
 * writer schema through the {@link KafkaSchemaRegistry} and validating the values. Records that do
 * not become events go to {@link SourceOutputs#DEAD_LETTERS} with the reason and their origin, never
 * dropped and never failing the pipeline. Offsets are committed to the consumer group, so a later
 * read with the same group resumes where this one stopped: by KafkaIO when a bundle is finalized
 * (unbounded), after the last record of each partition has been read (bounded slices).
 *
 * <p>Event time and watermark: {@link EventTimePolicy} (idle partitions do not hold the watermark
 * back, and it does not jump to wall-clock now while history is replayed).
 *
 * <p>Unbounded by default. Bounded slices, planned when the pipeline is built from the group's
 * committed offsets (the beginning of a partition when there is none) and the partitions' current
 * end offsets: {@link #upToCurrentEnd()}, {@link #upToOffsets} and {@link #withMaxNumRecords}.
 * KafkaIO's own {@code withMaxNumRecords(n)} splits n evenly over the partitions and each split
 * waits for its share, so it hangs when partitions are unbalanced; here every partition is read by
 * its own bounded KafkaIO read of exactly the records it has in the slice, so a slice always ends.
 */
public final class ReadCityEvents extends PTransform<PBegin, PCollectionTuple> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrap;
  private final List<String> topics;
  private final String groupId;
  private final String registryTopic;
  private final org.joda.time.Duration maxDelay;
  private final org.joda.time.Duration idleTimeout;
  private final Bound bound;
  private final boolean dropRereads;

  /** What part of the topics a read covers. */
  private record Bound(boolean toEnd, Map<TopicPartition, Long> endOffsets, Long maxRecords) implements java.io.Serializable {
    static final Bound UNBOUNDED = new Bound(false, null, null);
  }

  private ReadCityEvents(String bootstrap, List<String> topics, String groupId, String registryTopic,
      org.joda.time.Duration maxDelay, org.joda.time.Duration idleTimeout, Bound bound, boolean dropRereads) {
    this.bootstrap = bootstrap;
    this.topics = List.copyOf(topics);
    this.groupId = groupId;
    this.registryTopic = registryTopic;
    this.maxDelay = maxDelay;
    this.idleTimeout = idleTimeout;
    this.bound = bound;
    this.dropRereads = dropRereads;
  }

  /** Reads the topics of the given event kinds as configured by the options. */
  public static ReadCityEvents of(KafkaOptions options, List<String> kinds) {
    return new ReadCityEvents(
        options.getKafkaBootstrap(),
        kinds.stream().map(k -> EventTopics.topic(options.getTopicPrefix(), k)).toList(),
        options.getKafkaGroupId(),
        EventTopics.registryTopic(options.getTopicPrefix()),
        org.joda.time.Duration.standardSeconds(options.getMaxEventDelaySeconds()),
        org.joda.time.Duration.standardSeconds(options.getIdleSourceTimeoutSeconds()),
        Bound.UNBOUNDED,
        options.getDropRereadRecords());
  }

  /** Resolves writer schemas through the registry kept in this topic instead. */
  public ReadCityEvents withRegistryTopic(String topic) {
    return new ReadCityEvents(bootstrap, topics, groupId, topic, maxDelay, idleTimeout, bound, dropRereads);
  }

  /** A bounded read: from the group's committed offsets to the end offsets the topics have now. */
  public ReadCityEvents upToCurrentEnd() {
    return new ReadCityEvents(bootstrap, topics, groupId, registryTopic, maxDelay, idleTimeout, new Bound(true, null, null), dropRereads);
  }

  /**
   * A bounded read from the group's committed offsets up to these offsets (exclusive); partitions of
   * the topics not named are not read.
   */
  public ReadCityEvents upToOffsets(Map<TopicPartition, Long> endOffsets) {
    return new ReadCityEvents(bootstrap, topics, groupId, registryTopic, maxDelay, idleTimeout,
        new Bound(false, Map.copyOf(endOffsets), null), dropRereads);
  }

  /**
   * A bounded read of at most {@code n} records after the group's committed offsets (fewer if the
   * topics hold fewer now), spread over the partitions in proportion to what each holds.
   */
  public ReadCityEvents withMaxNumRecords(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, not " + n);
    }
    return new ReadCityEvents(bootstrap, topics, groupId, registryTopic, maxDelay, idleTimeout, new Bound(true, null, n), dropRereads);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<KafkaRecord<byte[], byte[]>> records;
    if (bound.equals(Bound.UNBOUNDED)) {
      // the partitions are listed here, not by KafkaIO when the runner splits the source: on Flink
      // that listing takes seconds, and a source subtask that registers meanwhile and gets no split
      // is never told so, emits no watermark and stalls every window (Beam 2.62 enumerator race)
      records = input.apply("Read Kafka", baseRead().withTopicPartitions(partitions()).commitOffsetsInFinalize());
      if (dropRereads) {
        records = records.apply("Drop records read twice", new DropRereadRecords());
      }
    } else {
      Map<TopicPartition, Long> slice = plan();
      List<PCollection<KafkaRecord<byte[], byte[]>>> parts = new ArrayList<>();
      slice.forEach((tp, count) -> parts.add(input.apply("Read " + tp,
          baseRead().withTopicPartitions(List.of(tp)).withMaxNumRecords(count))));
      if (parts.isEmpty()) {
        records = input.apply("Nothing to read", Create.empty(KafkaRecordCoder.of(ByteArrayCoder.of(), ByteArrayCoder.of())));
      } else {
        records = PCollectionList.of(parts).apply("Partitions", Flatten.pCollections());
      }
      records
          .apply("Offsets", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
              .via(r -> KV.of(r.getTopic() + ":" + r.getPartition(), r.getOffset())))
          .apply("Last offsets", Max.longsPerKey())
          .apply("Commit", ParDo.of(new CommitFn(bootstrap, groupId)));
    }
    PCollectionTuple decoded =
        records.apply("Decode",
            ParDo.of(new DecodeFn(bootstrap, registryTopic))
                .withOutputTags(SourceOutputs.EVENTS, TupleTagList.of(SourceOutputs.DEAD_LETTERS)));
    decoded.get(SourceOutputs.EVENTS).setCoder(AvroCoder.of(CityEvent.class));
    return decoded;
  }

  private KafkaIO.Read<byte[], byte[]> baseRead() {
    return KafkaIO.<byte[], byte[]>read()
        .withBootstrapServers(bootstrap)
        .withKeyDeserializer(ByteArrayDeserializer.class)
        .withValueDeserializer(ByteArrayDeserializer.class)
        .withTimestampPolicyFactory(EventTimePolicy.of(maxDelay, idleTimeout))
        .withConsumerConfigUpdates(
            Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
  }

  /** Records to read per partition (only partitions with something to read). */
  Map<TopicPartition, Long> plan() {
    Map<TopicPartition, Long> available = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, groupId)) {
      List<TopicPartition> partitions = partitions(consumer);
      if (bound.endOffsets() != null) {
        partitions.retainAll(bound.endOffsets().keySet());
      }
      Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions), TIMEOUT);
      Map<TopicPartition, Long> end = bound.endOffsets() != null ? bound.endOffsets() : consumer.endOffsets(partitions, TIMEOUT);
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata c = committed.get(tp);
        long start = Math.max(beginning.get(tp), c == null ? 0 : c.offset());
        available.put(tp, Math.max(0, end.get(tp) - start));
      }
    }
    Map<TopicPartition, Long> slice = bound.maxRecords() == null ? available : share(available, bound.maxRecords());
    Map<TopicPartition, Long> nonEmpty = new LinkedHashMap<>();
    slice.forEach((tp, n) -> {
      if (n > 0) {
        nonEmpty.put(tp, n);
      }
    });
    return nonEmpty;
  }

  /** The partitions of the topics, by topic and partition number. */
  private List<TopicPartition> partitions() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, groupId)) {
      return partitions(consumer);
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist at " + bootstrap);
      }
      infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
          .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).forEach(partitions::add);
    }
    return partitions;
  }

  /** A consumer of the group that commits nothing by itself. */
  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String groupId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Shares n over the partitions in proportion to what each has, never more than it has. */
  static Map<TopicPartition, Long> share(Map<TopicPartition, Long> available, long n) {
    long total = available.values().stream().mapToLong(Long::longValue).sum();
    if (n >= total) {
      return available;
    }
    Map<TopicPartition, Long> shares = new LinkedHashMap<>();
    long given = 0;
    for (var e : available.entrySet()) {
      long share = (long) Math.floor((double) n * e.getValue() / total);
      share = Math.min(share, e.getValue());
      shares.put(e.getKey(), share);
      given += share;
    }
    while (given < n) { // the rounding remainder, one record at a time, to partitions with spare records
      for (var e : available.entrySet()) {
        if (given < n && shares.get(e.getKey()) < e.getValue()) {
          shares.merge(e.getKey(), 1L, Long::sum);
          given++;
        }
      }
    }
    return shares;
  }

  /**
   * Commits the offset after the last record read from each partition of a bounded slice, once the
   * slice is read. (KafkaIO's commitOffsetsInFinalize commits from the reader's poll thread, and a
   * bounded reader closes right after its last checkpoint is finalized: that last commit is woken
   * up and lost, so the next slice would read the end of this one again.)
   */
  private static final class CommitFn extends DoFn<KV<String, Long>, Void> {
    private final String bootstrap;
    private final String groupId;
    private transient KafkaConsumer<byte[], byte[]> consumer;

    CommitFn(String bootstrap, String groupId) {
      this.bootstrap = bootstrap;
      this.groupId = groupId;
    }

    @Setup
    public void setup() {
      consumer = consumer(bootstrap, groupId);
    }

    @ProcessElement
    public void process(@Element KV<String, Long> last) {
      int colon = last.getKey().lastIndexOf(':');
      TopicPartition tp = new TopicPartition(last.getKey().substring(0, colon), Integer.parseInt(last.getKey().substring(colon + 1)));
      consumer.commitSync(Map.of(tp, new OffsetAndMetadata(last.getValue() + 1)), TIMEOUT);
    }

    @Teardown
    public void teardown() {
      if (consumer != null) {
        consumer.close(Duration.ofSeconds(5));
      }
    }
  }

  /** Decodes one record through the registry; failures become dead letters. */
  private static final class DecodeFn extends DoFn<KafkaRecord<byte[], byte[]>, CityEvent> {
    private final Counter decoded = Metrics.counter(ReadCityEvents.class, "events_decoded");
    private final Counter dead = Metrics.counter(ReadCityEvents.class, "dead_letters");
    private final String bootstrap;
    private final String registryTopic;
    private transient KafkaSchemaRegistry registry;
    private transient CityEventCodec codec;
    private transient Map<String, Counter> byReason;

    DecodeFn(String bootstrap, String registryTopic) {
      this.bootstrap = bootstrap;
      this.registryTopic = registryTopic;
    }

    @Setup
    public void setup() {
      registry = KafkaSchemaRegistry.connect(bootstrap, registryTopic);
      codec = new CityEventCodec(registry);
      byReason = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element KafkaRecord<byte[], byte[]> record, MultiOutputReceiver out) {
      byte[] bytes = record.getKV().getValue();
      try {
        out.get(SourceOutputs.EVENTS).output(codec.decode(bytes));
        decoded.inc();
      } catch (UndecodableEventException e) {
        dead.inc();
        byReason.computeIfAbsent(e.reason().name(),
            r -> Metrics.counter(ReadCityEvents.class, "dead_letters_" + r.toLowerCase())).inc();
        out.get(SourceOutputs.DEAD_LETTERS).output(new DeadLetter(e.reason().name(), e.getMessage(), record.getTopic(),
            record.getPartition(), record.getOffset(), bytes == null ? new byte[0] : bytes));
      }
    }

    @Teardown
    public void teardown() {
      if (registry != null) {
        registry.close();
      }
    }
  }
}
