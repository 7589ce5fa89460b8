package io.nolambda.pipelines.transit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.EventJson;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.GtfsZip;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.transforms.transit.BusLatestRow;
import io.nolambda.transforms.transit.CellStatsRow;
import io.nolambda.transforms.transit.CorrelationRow;
import io.nolambda.transforms.transit.DetectArrivals;
import io.nolambda.transforms.transit.KeepLatestPositions;
import io.nolambda.transforms.transit.MeasureBusSpeed;
import io.nolambda.transforms.transit.MeasureCellStats;
import io.nolambda.transforms.transit.StopWaitRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transit pipeline end to end: a simulated hour of buses and incidents (plus three events
 * the transforms refuse) in a file, the simulator's timetable as a GTFS zip, the four serving
 * tables in Cassandra. The tables hold exactly what the same transforms give in memory on the same
 * events; bus_latest also matches the latest positions per bus and window computed here directly.
 */
@WithLocalServices
class TransitPipelineTest {
  private static final String KEYSPACE = "transit_e2e";
  private static final int LATEST = 3;
  private static final long LATEST_WINDOW_MILLIS = 600_000;
  private static final int TTL_SECONDS = 7200;

  private final TestPipeline memory = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void servingTablesHoldWhatTheTransformsComputeAndRefusedEventsAreDeadLetters(ServiceEndpoints services,
      @TempDir Path dir) throws IOException {
    SimulatorConfig config = SimulatorConfig.builder().seed(5).routes(2).reportIntervalMillis(30_000, 60_000)
        .incidentsPerHour(12).parkingEventsPerSecond(0).assetEventsPerSecond(0).bursts(0).build();
    Simulation run = new CitySimulator(config).run();
    List<CityEvent> events = RefusedEvents.addedTo(run.events());
    Path file = dir.resolve("transit.jsonl");
    Files.write(file, events.stream().map(EventJson::encode).toList());
    LocalDate day = java.time.Instant.ofEpochMilli(config.startMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    Path gtfs = GtfsZip.write(run.truth().feed(), dir.resolve("gtfs.zip"));

    TransitOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--source=file:" + file,
        "--deadLetterDir=" + dir.resolve("dead"), "--gtfs=" + gtfs, "--serviceDate=" + day, "--transitWindowSeconds=1800",
        "--busLatestPositions=" + LATEST, "--busLatestWindowSeconds=" + LATEST_WINDOW_MILLIS / 1000,
        "--busLatestTtlSeconds=" + TTL_SECONDS, "--cassandraHosts=" + services.cassandraHost(),
        "--cassandraPort=" + services.cassandraPort(), "--cassandraLocalDc=" + services.localDatacenter(),
        "--cassandraKeyspace=" + KEYSPACE).as(TransitOptions.class);
    options.setCassandraUsername(services.credentials().username());
    options.setCassandraPassword(services.credentials().password());
    PipelineResult result = TransitPipeline.create(options).run();
    result.waitUntilFinish();

    Tables tables = read(options);
    System.out.printf("rows: stop_wait %d, cell_stats %d, correlation %d, bus_latest %d%n", tables.stopWaits.size(),
        tables.cellStats.size(), tables.correlations.size(), tables.latest.size());
    assertThat(tables.stopWaits).hasSizeGreaterThan(50);
    assertThat(tables.cellStats).hasSizeGreaterThan(10);
    assertThat(tables.correlations).hasSize(3); // three pairs of measures, one UTC day
    assertThat(tables.stopWaits).allSatisfy(r -> assertThat(r.getWindowEnd() - r.getWindowStart()).isEqualTo(1_800_000));

    assertThat(tables.latest).containsExactlyInAnyOrderElementsOf(latestPerBusAndWindow(events));
    Map<String, Long> perBusAndWindow = tables.latest.stream().collect(Collectors.groupingBy(
        r -> r.getVehicleId() + "@" + Math.floorDiv(r.getEventTime(), LATEST_WINDOW_MILLIS), Collectors.counting()));
    assertThat(perBusAndWindow.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LATEST))
        .contains((long) LATEST); // the bound was reached: buses report more often than that
    assertThat(tables.ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(1, TTL_SECONDS));
    tables.latestByBus.forEach((bus, times) -> assertThat(times).as(bus).isSortedAccordingTo(Comparator.reverseOrder()));

    // the same transforms on the same events, in memory
    GtfsFeed feed = TransitPipeline.feed(options, day);
    List<TimestampedValue<CityEvent>> timestamped = events.stream()
        .map(e -> TimestampedValue.of(EventJson.decode(EventJson.encode(e)), new Instant(CityEvents.eventTime(e))))
        .toList();
    PCollection<CityEvent> input = memory.apply(Create.timestamped(timestamped).withCoder(AvroCoder.of(CityEvent.class)));
    PCollectionTuple transit = input.apply(TransitPipeline.measure(options, feed, day));
    PAssert.that(transit.get(MeasureCellStats.STOP_WAITS)).containsInAnyOrder(tables.stopWaits);
    PAssert.that(transit.get(MeasureCellStats.CELL_STATS)).containsInAnyOrder(tables.cellStats);
    List<CorrelationRow> correlations = tables.correlations;
    PAssert.that(transit.get(MeasureCellStats.CORRELATIONS)).satisfies(rows -> {
      SameCorrelations.assertSame(rows, correlations);
      return null;
    });
    PAssert.that(input.apply(TransitPipeline.keepLatest(options))).containsInAnyOrder(tables.latest);
    memory.run().waitUntilFinish();

    // counts: every event in is used or refused, and every refusal is a dead letter
    long positions = events.stream().filter(e -> e.getPayload() instanceof BusPosition).count();
    long incidents = events.stream().filter(e -> e.getPayload() instanceof CityIncident).count();
    assertThat(counter(result, DetectArrivals.class, "events_in")).isEqualTo(positions);
    assertThat(counter(result, DetectArrivals.class, "events_valid") + counter(result, DetectArrivals.class, "invalid"))
        .isEqualTo(positions);
    assertThat(counter(result, MeasureCellStats.class, "incidents_in")).isEqualTo(incidents);
    assertThat(counter(result, MeasureCellStats.class, "incidents_valid") + counter(result, MeasureCellStats.class, "invalid"))
        .isEqualTo(incidents);
    assertThat(counter(result, KeepLatestPositions.class, "positions_kept")
        + counter(result, KeepLatestPositions.class, "no_coordinates")).isEqualTo(positions);
    List<String> dead = deadLetters(dir.resolve("dead"));
    assertThat((long) dead.size()).isEqualTo(counter(result, DetectArrivals.class, "invalid")
        + counter(result, MeasureBusSpeed.class, "invalid") + counter(result, MeasureCellStats.class, "invalid"));
    assertThat(dead).hasSize(4);
    assertThat(dead).filteredOn(d -> d.contains("no-fix")).hasSize(2).allSatisfy(d -> assertThat(d).contains("missing coordinates"));
    assertThat(dead).filteredOn(d -> d.contains("bad-stop")).singleElement().asString().contains("unknown stop");
    assertThat(dead).filteredOn(d -> d.contains("nowhere")).singleElement().asString().contains("missing coordinates");
  }

  /** What was read back from Cassandra. */
  private record Tables(List<StopWaitRow> stopWaits, List<CellStatsRow> cellStats, List<CorrelationRow> correlations,
      List<BusLatestRow> latest, List<Integer> ttls, Map<String, List<Long>> latestByBus) {}

  private static Tables read(TransitOptions options) {
    List<StopWaitRow> stopWaits = new ArrayList<>();
    List<CellStatsRow> cellStats = new ArrayList<>();
    List<CorrelationRow> correlations = new ArrayList<>();
    List<BusLatestRow> latest = new ArrayList<>();
    List<Integer> ttls = new ArrayList<>();
    Map<String, List<Long>> latestByBus = new HashMap<>();
    try (Cluster cluster = CassandraConnection.fromOptions(options).cluster(); Session session = cluster.connect(KEYSPACE)) {
      for (Row r : session.execute("SELECT * FROM stop_wait")) {
        stopWaits.add(new StopWaitRow(r.getString("route_id"), r.getInt("direction_id"), r.getString("stop_id"),
            r.getLong("window_start"), r.getLong("window_end"), r.getLong("arrivals"), orNull(r, "expected_wait_s"),
            orNull(r, "scheduled_wait_s"), orNull(r, "excess_wait_s")));
      }
      for (Row r : session.execute("SELECT * FROM cell_stats")) {
        cellStats.add(new CellStatsRow(r.getString("cell"), r.getLong("window_start"), r.getLong("window_end"),
            r.getLong("incidents"), r.getLong("incidents_311"), r.getLong("incidents_911"), orNull(r, "excess_wait_s"),
            orNull(r, "mean_speed_mps")));
      }
      for (Row r : session.execute("SELECT * FROM correlation")) {
        correlations.add(new CorrelationRow(r.getLong("day"), r.getString("x"), r.getString("y"), r.getLong("n"),
            orNull(r, "r")));
      }
      // rows come per partition in clustering order: newest first within a bus
      for (Row r : session.execute("SELECT vehicle_id, event_time, route_id, trip_id, lat, lon, speed_mps, stop_id, "
          + "TTL(lat) AS ttl FROM bus_latest")) {
        latest.add(new BusLatestRow(r.getString("vehicle_id"), r.getLong("event_time"), r.getString("route_id"),
            r.getString("trip_id"), r.getDouble("lat"), r.getDouble("lon"), orNull(r, "speed_mps"), r.getString("stop_id")));
        ttls.add(r.getInt("ttl"));
        latestByBus.computeIfAbsent(r.getString("vehicle_id"), v -> new ArrayList<>()).add(r.getLong("event_time"));
      }
    }
    return new Tables(stopWaits, cellStats, correlations, latest, ttls, latestByBus);
  }

  private static Double orNull(Row row, String column) {
    return row.isNull(column) ? null : row.getDouble(column);
  }

  /** The positions with coordinates of the LATEST latest times of each bus in each window. */
  private static List<BusLatestRow> latestPerBusAndWindow(List<CityEvent> events) {
    Map<String, TreeMap<Long, BusPosition>> byBusAndWindow = new HashMap<>();
    for (CityEvent e : events) {
      if (e.getPayload() instanceof BusPosition p && !(p.getLat() == 0 && p.getLon() == 0)) {
        String key = p.getVehicleId() + "@" + Math.floorDiv(p.getEventTime(), LATEST_WINDOW_MILLIS);
        byBusAndWindow.computeIfAbsent(key, k -> new TreeMap<>()).merge(p.getEventTime(), p,
            (a, b) -> a.getEventId().compareTo(b.getEventId()) >= 0 ? a : b);
      }
    }
    List<BusLatestRow> rows = new ArrayList<>();
    for (TreeMap<Long, BusPosition> times : byBusAndWindow.values()) {
      times.descendingMap().values().stream().limit(LATEST).forEach(p -> rows.add(new BusLatestRow(p.getVehicleId(),
          p.getEventTime(), p.getRouteId(), p.getTripId(), p.getLat(), p.getLon(), p.getSpeedMps(), p.getStopId())));
    }
    return rows;
  }

  private static long counter(PipelineResult result, Class<?> namespace, String name) {
    long sum = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  private static List<String> deadLetters(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).flatMap(TransitPipelineTest::lines).toList();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
