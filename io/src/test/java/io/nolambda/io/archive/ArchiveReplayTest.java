package io.nolambda.io.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Session;
import io.nolambda.events.BusPosition;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idempotence of replays and crash safety of the chunk-index commit marker. */
@WithLocalServices
class ArchiveReplayTest {
  private static final String KEYSPACE = "archive_replay";
  private static final Schema BUS = AvroRows.schema(BusPosition.getClassSchema()).toBeam();
  private static CassandraConnection connection;
  private static List<Row> buses;
  private static Sessions.Lease lease;
  private static Session session;

  @BeforeAll
  static void setUp(ServiceEndpoints endpoints) {
    connection = ArchiveTestSupport.connection(endpoints);
    lease = Sessions.acquire(connection);
    session = lease.session();
    buses = new ArrayList<>();
    for (SpecificRecord record : ArchiveTestSupport.simulatedEvents().get("bus_position")) {
      buses.add(AvroRows.toRow(record, BUS));
    }
  }

  @AfterAll
  static void release() {
    lease.close();
  }

  private static void writeWithBeam(String dataset, List<Row> rows) {
    Pipeline pipeline = ArchiveTestSupport.pipeline();
    pipeline.apply(Create.of(rows).withRowSchema(BUS))
        .apply(ArchiveIO.write().withConnection(connection).withKeyspace(KEYSPACE).withDataset(dataset));
    ArchiveTestSupport.run(pipeline);
  }

  private static List<Row> readAll(String dataset) {
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      return reader.query(ArchiveQuery.all(dataset));
    }
  }

  private static long count(String table, String dataset) {
    // Small test tables: a filtered full count is fine here.
    return session.execute("SELECT count(*) FROM " + KEYSPACE + "." + table + " WHERE dataset = ? ALLOW FILTERING",
          dataset).one().getLong(0);
  }

  private static ArchiveWriter writer(String dataset, int chunkRows) {
    DatasetSpec spec = ArchiveTables.register(session, KEYSPACE, 1, dataset, ArchiveSchema.fromBeam(BUS),
        "event_time", "event_id", 4, 3_600_000L);
    return new ArchiveWriter(session, KEYSPACE, spec, chunkRows);
  }

  @Test
  void theSameInputWrittenTwiceReadsBackOnceAndOverwritesTheSameChunks() {
    writeWithBeam("twice", buses);
    long chunks = count("archive_chunk_index", "twice");
    long blobs = count("archive_chunks", "twice");
    writeWithBeam("twice", buses);
    assertThat(count("archive_chunk_index", "twice")).isEqualTo(chunks);
    assertThat(count("archive_chunks", "twice")).isEqualTo(blobs);
    assertThat(readAll("twice")).containsExactlyInAnyOrderElementsOf(buses);
  }

  @Test
  void aRetriedBundleAfterACrashMidPartitionReadsBackOnce() {
    ArchiveWriter writer = writer("retried", 100);
    DatasetSpec spec = writer.spec();
    Row first = buses.get(0);
    int shard = spec.shardOf(first.getString("event_id"));
    long bucket = spec.bucketOf(first.getInt64("event_time"));
    List<Row> partition = buses.stream()
        .filter(r -> ArchiveWriter.partitionKey(spec, r).equals(shard + ":" + bucket)).toList();
    List<List<Row>> chunks = writer.chunk(partition);
    assertThat(chunks.size()).isGreaterThanOrEqualTo(3);
    // First attempt: two chunks committed, the third crashed after its column blobs.
    writer.writeChunk(shard, bucket, chunks.get(0), true);
    writer.writeChunk(shard, bucket, chunks.get(1), true);
    writer.writeChunk(shard, bucket, chunks.get(2), false);
    // The retry writes the whole bundle again.
    writer.write(partition);
    assertThat(readAll("retried")).containsExactlyInAnyOrderElementsOf(partition);
    assertThat(count("archive_chunk_index", "retried")).isEqualTo(chunks.size());
  }

  @Test
  void anEventRedeliveredAfterItsWindowFiredReadsBackOnce() {
    // as a live pipeline archives: one-minute panes, then one late pane per late element
    long start = Math.floorDiv(buses.get(0).getInt64("event_time"), 60_000L) * 60_000L;
    List<Row> minute = buses.stream()
        .filter(r -> r.getInt64("event_time") >= start && r.getInt64("event_time") < start + 60_000L).toList();
    TestStream.Builder<Row> stream = TestStream.create(RowCoder.of(BUS));
    for (Row row : minute) {
      stream = stream.addElements(TimestampedValue.of(row, new Instant(row.getInt64("event_time"))));
    }
    Row redelivered = minute.get(0);
    Pipeline pipeline = ArchiveTestSupport.pipeline();
    pipeline.apply(stream.advanceWatermarkTo(new Instant(start + 120_000L))
            .addElements(TimestampedValue.of(redelivered, new Instant(redelivered.getInt64("event_time"))))
            .advanceWatermarkToInfinity())
        .apply(Window.<Row>into(FixedWindows.of(Duration.standardMinutes(1)))
            .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(Duration.standardDays(1))
            .discardingFiredPanes())
        .apply(ArchiveIO.write().withConnection(connection).withKeyspace(KEYSPACE).withDataset("redelivered"));
    ArchiveTestSupport.run(pipeline);
    assertThat(minute).hasSizeGreaterThan(10);
    assertThat(readAll("redelivered")).containsExactlyInAnyOrderElementsOf(minute);
  }

  @Test
  void anEventDeliveredTwiceInOneWriteIsStoredOnce() {
    // a redelivery that reaches the same pane as the original: both rows land in one chunk,
    // where readers do not look for repeats, so the writer must keep one
    ArchiveWriter writer = writer("same_pane", 1000);
    List<Row> withRepeat = new java.util.ArrayList<>(buses);
    withRepeat.add(redelivered(buses.get(0)));
    writer.write(withRepeat);
    assertThat(readAll("same_pane")).containsExactlyInAnyOrderElementsOf(buses);
  }

  /** The same event decoded again: equal values, distinct objects (as two deliveries are). */
  private static Row redelivered(Row row) {
    try {
      return org.apache.beam.sdk.util.CoderUtils.clone(RowCoder.of(BUS), row);
    } catch (org.apache.beam.sdk.coders.CoderException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aReplayCutIntoDifferentChunksStillReadsBackOnce() {
    writer("rechunked", 1000).write(buses);
    writer("rechunked", 37).write(buses.subList(0, buses.size() / 2));
    assertThat(readAll("rechunked")).containsExactlyInAnyOrderElementsOf(buses);
    // without event_id projected, ids are still read for the chunks whose time ranges overlap
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      List<Long> times = reader.query(ArchiveQuery.all("rechunked").withColumns("event_time")).stream()
          .map(r -> r.getInt64(0)).toList();
      assertThat(times).containsExactlyInAnyOrderElementsOf(buses.stream().map(r -> r.getInt64("event_time")).toList());
    }
  }

  @Test
  void columnChunksWithoutTheCommitMarkerAreInvisibleUntilALaterWriteCompletesThem() {
    ArchiveWriter writer = writer("crash", 100);
    DatasetSpec spec = writer.spec();
    List<Row> partition = buses.stream()
        .filter(r -> ArchiveWriter.partitionKey(spec, r).equals(ArchiveWriter.partitionKey(spec, buses.get(0))))
        .toList();
    int shard = spec.shardOf(partition.get(0).getString("event_id"));
    long bucket = spec.bucketOf(partition.get(0).getInt64("event_time"));
    writer.writePartition(shard, bucket, List.of()); // registers the partition, no chunks
    for (List<Row> chunk : writer.chunk(partition)) {
      writer.writeChunk(shard, bucket, chunk, false);
    }
    assertThat(count("archive_chunks", "crash")).isEqualTo(
        (long) writer.chunk(partition).size() * BUS.getFieldCount());
    assertThat(count("archive_chunk_index", "crash")).isZero();
    assertThat(readAll("crash")).isEmpty();
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      assertThat(reader.partitions(spec, ArchiveQuery.all("crash"))).hasSize(1);
      assertThat(reader.estimateBytes(spec, ArchiveQuery.all("crash"), reader.partitions(spec,
          ArchiveQuery.all("crash")).get(0))).isZero();
    }
    writer.write(partition);
    assertThat(readAll("crash")).containsExactlyInAnyOrderElementsOf(partition);
  }
}
