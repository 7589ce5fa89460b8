package io.nolambda.io.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.io.kafka.DropRereadRecords.OffsetRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaRecordCoder;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

/** DropRereadRecords: what a restored Flink job's second reader per partition reads again is dropped, once. */
class DropRereadRecordsTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static KafkaRecord<byte[], byte[]> record(int partition, long offset) {
    return new KafkaRecord<>("parking-events", partition, offset, 1_000L * offset, KafkaTimestampType.CREATE_TIME,
        null, new byte[0], ("p" + partition + "@" + offset).getBytes(UTF_8));
  }

  @Test
  void aPartitionReadTwiceFromTwoPositionsComesOutOncePerOffset() {
    List<KafkaRecord<byte[], byte[]>> input = new ArrayList<>();
    // partition 0: the restored reader from offset 40, a second one from the beginning (nothing committed)
    LongStream.range(0, 100).forEach(o -> input.add(record(0, o)));
    LongStream.range(40, 100).forEach(o -> input.add(record(0, o)));
    // partition 1: read once
    LongStream.range(0, 30).forEach(o -> input.add(record(1, o)));
    List<String> expected = new ArrayList<>();
    LongStream.range(0, 100).forEach(o -> expected.add("p0@" + o));
    LongStream.range(0, 30).forEach(o -> expected.add("p1@" + o));

    PCollection<String> out = pipeline
        .apply(Create.of(input).withCoder(KafkaRecordCoder.of(ByteArrayCoder.of(), ByteArrayCoder.of())))
        .apply(new DropRereadRecords())
        .apply(MapElements.into(TypeDescriptors.strings())
            .via(r -> new String(r.getKV().getValue(), UTF_8)));
    PAssert.that(out).containsInAnyOrder(expected);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    long dropped = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(DropRereadRecords.class, "records_read_twice")).build())
        .getCounters().iterator().next().getAttempted();
    assertThat(dropped).as("records in = records out + copies dropped").isEqualTo(input.size() - expected.size());
  }

  @Test
  void onlyFlinkRunsDropRereadsByDefault() {
    assertThat(PipelineOptionsFactory.as(KafkaOptions.class).getDropRereadRecords()).as("DirectRunner").isFalse();
  }

  @Test
  void offsetRangesMergeWhenTheGapBetweenTwoReadersCloses() {
    TreeMap<Long, Long> ranges = new TreeMap<>();
    for (long o = 0; o < 5; o++) {
      assertThat(OffsetRanges.add(ranges, o)).isTrue();
    }
    // a second reader ahead of the first (it started at later committed offsets)
    assertThat(OffsetRanges.add(ranges, 8)).isTrue();
    assertThat(OffsetRanges.add(ranges, 9)).isTrue();
    assertThat(ranges).containsExactly(Map.entry(0L, 4L), Map.entry(8L, 9L));
    assertThat(OffsetRanges.add(ranges, 4)).isFalse();
    assertThat(OffsetRanges.add(ranges, 9)).isFalse();
    assertThat(OffsetRanges.add(ranges, 5)).isTrue();
    assertThat(OffsetRanges.add(ranges, 7)).isTrue();
    assertThat(OffsetRanges.add(ranges, 6)).isTrue();
    assertThat(ranges).containsExactly(Map.entry(0L, 9L));
    assertThat(OffsetRanges.add(ranges, 6)).isFalse();
  }
}
