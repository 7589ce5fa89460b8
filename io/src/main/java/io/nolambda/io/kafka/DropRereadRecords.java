package io.nolambda.io.kafka;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SortedMapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaRecordCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Lets each Kafka record through once by (topic, partition, offset), so that a restored job that
 * reads part of a partition twice counts it once. Beam 2.62's Flink runner needs it: its source
 * enumerator assigns every split again when a job is restored from a checkpoint (apache/beam#31313,
 * fixed after 2.62), so each partition gets a second reader next to the restored one, starting at
 * the consumer group's committed offsets. Those trail the checkpoint when the job died between
 * completing it and committing it (or had committed nothing yet: the second reader then starts at
 * the beginning). What it reads again was counted before the checkpoint; in windows that had fired
 * and been cleared, it would form partial panes that overwrite complete rows.
 *
 * <p>Keyed by partition; the state is the offset ranges let through so far (one range per
 * partition in steady operation, two while a second reader catches up), kept without timers, which
 * the Spark runner refuses. Metric: records_read_twice (dropped copies).
 */
final class DropRereadRecords
    extends PTransform<PCollection<KafkaRecord<byte[], byte[]>>, PCollection<KafkaRecord<byte[], byte[]>>> {

  @Override
  public PCollection<KafkaRecord<byte[], byte[]>> expand(PCollection<KafkaRecord<byte[], byte[]>> records) {
    KafkaRecordCoder<byte[], byte[]> coder = KafkaRecordCoder.of(ByteArrayCoder.of(), ByteArrayCoder.of());
    return records
        .apply("Key by partition", WithKeys.<String, KafkaRecord<byte[], byte[]>>of(r -> r.getTopic() + ":" + r.getPartition())
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), coder))
        .apply("Once per offset", ParDo.of(new OncePerOffset()))
        .setCoder(coder);
  }

  private static final class OncePerOffset extends DoFn<KV<String, KafkaRecord<byte[], byte[]>>, KafkaRecord<byte[], byte[]>> {
    private final Counter readTwice = Metrics.counter(DropRereadRecords.class, "records_read_twice");

    /** Offset ranges let through: first offset -> last offset, inclusive, never overlapping or touching. */
    @StateId("seen")
    private final StateSpec<ValueState<SortedMap<Long, Long>>> seenSpec =
        StateSpecs.value(SortedMapCoder.of(VarLongCoder.of(), VarLongCoder.of()));

    @ProcessElement
    public void process(@Element KV<String, KafkaRecord<byte[], byte[]>> keyed,
        @StateId("seen") ValueState<SortedMap<Long, Long>> seen, OutputReceiver<KafkaRecord<byte[], byte[]>> out) {
      SortedMap<Long, Long> stored = seen.read();
      TreeMap<Long, Long> ranges = stored == null ? new TreeMap<>() : new TreeMap<>(stored);
      if (!OffsetRanges.add(ranges, keyed.getValue().getOffset())) {
        readTwice.inc();
        return;
      }
      seen.write(ranges);
      out.output(keyed.getValue());
    }
  }

  /** Disjoint inclusive offset ranges in a TreeMap (first -> last). */
  static final class OffsetRanges {
    private OffsetRanges() {}

    /** Adds {@code offset}; false when it was in a range already. */
    static boolean add(TreeMap<Long, Long> ranges, long offset) {
      Map.Entry<Long, Long> before = ranges.floorEntry(offset);
      if (before != null && before.getValue() >= offset) {
        return false;
      }
      long first = before != null && before.getValue() == offset - 1 ? before.getKey() : offset;
      Long last = ranges.remove(offset + 1);
      ranges.put(first, last != null ? last : offset);
      return true;
    }
  }
}
