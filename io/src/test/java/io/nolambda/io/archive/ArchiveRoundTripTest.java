package io.nolambda.io.archive;

import static io.nolambda.io.archive.ArchiveTestSupport.KINDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import io.nolambda.io.archive.ArchiveTestSupport.Collected;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulated events of every kind written with ArchiveIO.write (Avro records) and read back with
 * ArchiveIO.read on the DirectRunner. CI size: about 10k events (see ArchiveTestSupport); the 1M
 * event run belongs to ArchiveBenchmark.
 */
@WithLocalServices
class ArchiveRoundTripTest {
  private static final String KEYSPACE = "archive_roundtrip";
  private static Map<String, List<SpecificRecord>> events;
  private static CassandraConnection connection;

  @BeforeAll
  static void writeEveryKind(ServiceEndpoints endpoints) {
    connection = ArchiveTestSupport.connection(endpoints);
    events = ArchiveTestSupport.simulatedEvents();
    Pipeline pipeline = ArchiveTestSupport.pipeline();
    for (Map.Entry<String, List<SpecificRecord>> kind : events.entrySet()) {
      assertThat(kind.getValue()).as(kind.getKey()).isNotEmpty();
      pipeline
          .apply("Create " + kind.getKey(),
              Create.of(kind.getValue()).withCoder(AvroCoder.of(SpecificRecord.class, KINDS.get(kind.getKey()))))
          .apply("Archive " + kind.getKey(), ArchiveIO.write().withConnection(connection).withKeyspace(KEYSPACE)
              .withDataset(kind.getKey()).<SpecificRecord>ofAvro(KINDS.get(kind.getKey())));
    }
    ArchiveTestSupport.run(pipeline);
  }

  private static List<Collected> readWithBeam(String sink, ArchiveQuery query) {
    Pipeline pipeline = ArchiveTestSupport.pipeline();
    pipeline.apply(ArchiveIO.read().withConnection(connection).withKeyspace(KEYSPACE).withQuery(query))
        .apply(ParDo.of(new ArchiveTestSupport.Collect(sink)));
    ArchiveTestSupport.run(pipeline);
    return new ArrayList<>(ArchiveTestSupport.SINKS.get(sink));
  }

  @Test
  void everyEventOfEveryKindComesBackExactlyOnceFieldForFieldWithItsTimestamp() {
    for (String dataset : KINDS.keySet()) {
      List<Collected> read = readWithBeam("full-" + dataset, ArchiveQuery.all(dataset));
      List<SpecificRecord> written = events.get(dataset);
      assertThat(read).as(dataset).hasSize(written.size());
      Map<String, GenericRecord> byId = new HashMap<>();
      for (Collected c : read) {
        GenericRecord record = AvroRows.toRecord(c.row(), KINDS.get(dataset));
        assertThat(byId.put(record.get("event_id").toString(), record)).as("duplicate").isNull();
        assertThat(c.timestampMillis()).isEqualTo((Long) record.get("event_time"));
      }
      for (SpecificRecord original : written) {
        GenericRecord back = byId.get(original.get(original.getSchema().getField("event_id").pos()).toString());
        assertThat(back).as(dataset).isEqualTo(original);
      }
    }
  }

  @Test
  void projectedReadReturnsOnlyTheRequestedColumns() {
    List<Collected> read = readWithBeam("projected",
        ArchiveQuery.all("bus_position").withColumns("event_id", "route_id", "bearing"));
    assertThat(read).isNotEmpty();
    assertThat(read.get(0).row().getSchema().getFieldNames()).containsExactly("event_id", "route_id", "bearing");
    List<List<Object>> expected = events.get("bus_position").stream().map(e -> (BusPosition) e)
        .map(b -> java.util.Arrays.<Object>asList(b.getEventId(), b.getRouteId(), b.getBearing())).toList();
    assertThat(read.stream().map(c -> c.row().getValues()).toList()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void timeRangeAndColumnFiltersMatchInMemoryFiltering() {
    List<BusPosition> buses = events.get("bus_position").stream().map(e -> (BusPosition) e).toList();
    BusPosition pick = buses.stream().filter(b -> b.getSpeedMps() != null)
        .skip(buses.size() / 3).findFirst().orElseThrow();
    long from = pick.getEventTime() - 10 * 60_000;
    long to = pick.getEventTime() + 10 * 60_000;
    String route = pick.getRouteId();
    double lat = pick.getLat();
    ArchiveQuery query = ArchiveQuery.all("bus_position").withColumns("event_id", "event_time", "speed_mps")
        .withTimeRange(from, to).withFilters(Filter.eq("route_id", route), Filter.notNull("speed_mps"),
            Filter.le("lat", lat));
    List<List<Object>> expected = buses.stream()
        .filter(b -> b.getEventTime() >= from && b.getEventTime() < to && b.getRouteId().equals(route)
            && b.getSpeedMps() != null && Double.compare(b.getLat(), lat) <= 0)
        .map(b -> java.util.Arrays.<Object>asList(b.getEventId(), b.getEventTime(), b.getSpeedMps())).toList();
    assertThat(expected).isNotEmpty();
    List<Collected> read = readWithBeam("filtered", query);
    assertThat(read.stream().map(c -> c.row().getValues()).toList()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void columnPruningFetchesOnlyTheNeededColumnsOfTheChunksNotSkipped() {
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      ArchiveReader.ReadStats stats = reader.stats();
      List<Row> rows = reader.query(ArchiveQuery.all("asset_event").withColumns("region"));
      assertThat(rows).hasSize(events.get("asset_event").size());
      long chunks = stats.chunksListed - stats.chunksSkipped;
      // region and event_time; event_id only for chunks whose time ranges overlap (none: written once)
      assertThat(stats.blobsRead).isEqualTo(2 * chunks);
      long before = stats.blobsRead;
      long skippedBefore = stats.chunksSkipped;
      String region = rows.get(0).getString("region");
      reader.query(ArchiveQuery.all("asset_event").withColumns("action").withFilters(Filter.eq("region", region),
          Filter.lt("event_time", events.get("asset_event").get(0).get(1))));
      assertThat(stats.blobsRead).isEqualTo(before); // every chunk skipped by its min event time
      assertThat(stats.chunksSkipped - skippedBefore).isEqualTo(chunks);
    }
  }

  @Test
  void aTimeRangeWithoutDataReadsNothing() {
    assertThat(readWithBeam("empty", ArchiveQuery.all("asset_event").withTimeRange(0, 1000))).isEmpty();
  }

  @Test
  void eventIdEqualityIsPushedDownToOneShard() {
    BusPosition one = (BusPosition) events.get("bus_position").get(123);
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      DatasetSpec spec = reader.dataset("bus_position");
      ArchiveQuery query = ArchiveQuery.all("bus_position").withFilters(Filter.eq("event_id", one.getEventId()));
      assertThat(reader.partitions(spec, query)).extracting(ArchiveReader.Partition::shard).containsOnly(
          spec.shardOf(one.getEventId()));
      List<Row> rows = reader.query(query);
      assertThat(rows).hasSize(1);
      assertThat(AvroRows.toRecord(rows.get(0), BusPosition.getClassSchema())).isEqualTo(one);
    }
  }

  @Test
  void splitsArePartitionsSizedByTheBytesOfTheProjectedColumns() throws Exception {
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      DatasetSpec spec = reader.dataset("bus_position");
      ArchiveQuery all = ArchiveQuery.all("bus_position");
      int partitions = reader.partitions(spec, all).size();
      assertThat(partitions).isEqualTo(2 * spec.shards()); // two hour buckets
      ArchiveSource full = new ArchiveSource(connection, KEYSPACE, spec, all, null, 0);
      ArchiveSource narrow = new ArchiveSource(connection, KEYSPACE, spec, all.withColumns("direction_id"), null, 0);
      var options = PipelineOptionsFactory.create();
      long fullBytes = full.getEstimatedSizeBytes(options);
      assertThat(narrow.getEstimatedSizeBytes(options)).isPositive().isLessThan(fullBytes / 2);
      assertThat(full.split(1, options)).hasSize(partitions);
      assertThat(full.split(Long.MAX_VALUE, options)).hasSize(1);
      List<? extends org.apache.beam.sdk.io.BoundedSource<Row>> halves = full.split(fullBytes / 2, options);
      assertThat(halves.size()).isBetween(2, partitions);
      long total = 0;
      for (var split : halves) {
        total += split.getEstimatedSizeBytes(options);
      }
      assertThat(total).isEqualTo(fullBytes);
      assertThat(halves.stream().flatMap(s -> ((ArchiveSource) s).partitions().stream())
          .collect(Collectors.toSet())).hasSize(partitions);
    }
  }

  @Test
  void theIoCreatesTheDocumentedTables() {
    try (var cluster = connection.cluster(); var session = cluster.connect()) {
      List<String> tables = session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?",
          KEYSPACE).all().stream().map(r -> r.getString(0)).filter(Objects::nonNull).toList();
      assertThat(tables).contains("archive_datasets", "archive_partitions", "archive_chunk_index", "archive_chunks");
    }
  }
}
