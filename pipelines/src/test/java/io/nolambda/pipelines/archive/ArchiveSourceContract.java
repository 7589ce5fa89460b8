package io.nolambda.pipelines.archive;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.archive.EventArchive;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.SourceOptions;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reprocessing source on a runner: simulated events of every kind in the columnar archive,
 * read back through {@code --source=archive} (ArchiveIO.read split by partition): every event of
 * the requested kinds exactly once, field for field, and only those of the time range when one is
 * given. Subclasses name the runner.
 *
 * <p>The round trip is CI-sized (20 simulated minutes, about 8k events) unless the system property
 * {@value #EVENTS_PER_KIND} asks for more, e.g. {@code -Dnolambda.roundTrip.eventsPerKind=1000000}
 * for the full-size run; it compares per kind the count and an order-free fingerprint of
 * the events' Avro encodings, so that millions of events need no collection in one place.
 */
@WithLocalServices
public abstract class ArchiveSourceContract {
  static final String EVENTS_PER_KIND = "nolambda.roundTrip.eventsPerKind";
  private static final List<String> KINDS = List.of("BusPosition", "ParkingEvent", "CityIncident", "AssetEvent");
  private static final SimulatorConfig CI_CITY = SimulatorConfig.builder().seed(31).durationMillis(20 * 60_000)
      .assetEventsPerSecond(5).incidentsPerHour(60).build();
  private static List<CityEvent> events;

  /** Options of a bounded run on this runner. */
  protected abstract List<String> runnerArgs();

  /** A keyspace of this runner's own (the services are shared by the test classes of a run). */
  protected abstract String keyspace();

  @BeforeAll
  static void simulate() {
    events = new CitySimulator(CI_CITY).run().events();
  }

  @Test
  void everyArchivedEventComesBackOnceFieldForField(ServiceEndpoints services) {
    String perKind = System.getProperty(EVENTS_PER_KIND);
    Iterable<CityEvent> city = perKind == null ? events : largeCity(Double.parseDouble(perKind));
    String keyspace = perKind == null ? keyspace() : keyspace() + "_" + perKind; // not mixed with the CI city
    Map<String, EventFingerprint> expected = EventFingerprint.of(city);
    long started = System.nanoTime();
    Map<String, Long> written = EventArchive.load(connection(services), keyspace, 1, city);
    long loaded = System.nanoTime();
    TestPipeline p = pipeline(services, keyspace, List.of());
    PCollection<CityEvent> read = p.apply(ReadEvents.of(p.getOptions().as(SourceOptions.class), KINDS));
    PAssert.thatMap(read.apply(EventFingerprint.perKind())).isEqualTo(expected);
    p.run().waitUntilFinish();
    long total = expected.values().stream().mapToLong(EventFingerprint::count).sum();
    System.out.printf("round trip of %s: loaded in %.1f s, read back and checked in %.1f s%n", expected,
        (loaded - started) / 1e9, (System.nanoTime() - loaded) / 1e9);
    org.assertj.core.api.Assertions.assertThat(written.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(total);
  }

  /** About n events of each kind in one hour (rates calibrated on the simulator: n = 1M gives 0.97M to 1.12M). */
  private static CitySimulator largeCity(double n) {
    return new CitySimulator(SimulatorConfig.builder().seed(32).startMillis(CI_CITY.startMillis() - 86_400_000L)
        .durationMillis(3_600_000L).assetEventsPerSecond(n / 3600).parkingEventsPerSecond(n * 1.58 / 3600)
        .incidentsPerHour(n * 0.774).incidentRadiusMeters(0)
        .routes((int) Math.max(1, Math.round(n * 16 / 1e6))).headwaySeconds(60).reportIntervalMillis(1000, 3000)
        .build());
  }

  @Test
  void aTimeRangeReadsOnlyItsEventsOfTheRequestedKinds(ServiceEndpoints services) {
    EventArchive.load(connection(services), keyspace(), 1, events); // a replay: still read once
    long from = CityEvents.eventTime(events.get(events.size() / 3));
    long to = from + 5 * 60_000;
    List<CityEvent> expected = new ArrayList<>();
    for (CityEvent e : events) {
      long t = CityEvents.eventTime(e);
      if (t >= from && t < to && List.of("ParkingEvent", "AssetEvent").contains(CityEvents.kind(e))) {
        expected.add(e);
      }
    }
    TestPipeline p = pipeline(services, keyspace(), List.of("--from=" + Instant.ofEpochMilli(from), "--to=" + Instant.ofEpochMilli(to)));
    PAssert.that(p.apply(ReadEvents.of(p.getOptions().as(SourceOptions.class), List.of("ParkingEvent", "AssetEvent"))))
        .containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  private TestPipeline pipeline(ServiceEndpoints services, String keyspace, List<String> extra) {
    List<String> args = new ArrayList<>(runnerArgs());
    args.addAll(extra);
    args.addAll(List.of("--mode=reprocess", "--source=archive", "--archiveKeyspace=" + keyspace,
        "--cassandraHosts=" + services.cassandraHost(), "--cassandraPort=" + services.cassandraPort(),
        "--cassandraLocalDc=" + services.localDatacenter()));
    SourceOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(SourceOptions.class);
    options.setCassandraUsername(services.credentials().username());
    options.setCassandraPassword(services.credentials().password());
    return TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
  }

  private static CassandraConnection connection(ServiceEndpoints services) {
    return new CassandraConnection(List.of(services.cassandraHost()), services.cassandraPort(),
        services.localDatacenter(), services.credentials().username(), services.credentials().password());
  }
}
