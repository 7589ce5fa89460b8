package io.nolambda.pipelines.transit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.GtfsZip;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.transforms.transit.CorrelationRow;
import io.nolambda.transforms.transit.MeasureCellStats;
import io.nolambda.transforms.transit.TransitLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
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
 * The benchmarks' plain loop computes exactly the rows of the transit transforms, all four tables,
 * on three simulated hours of buses and incidents (plus events the transforms refuse) with the
 * pipeline's options. The waits, means and speeds are equal to the bit (the shared functions sum in a
 * sorted order); only Pearson's r may differ in its last bits (see {@link SameCorrelations}).
 */
class TransitLoopTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void theLoopComputesTheTransformsRows(@TempDir Path dir) throws IOException {
    SimulatorConfig config = SimulatorConfig.builder().seed(11).durationMillis(3 * 3_600_000).routes(2)
        .reportIntervalMillis(30_000, 60_000).incidentsPerHour(12).parkingEventsPerSecond(0).assetEventsPerSecond(0)
        .bursts(0).build();
    Simulation run = new CitySimulator(config).run();
    List<CityEvent> events = RefusedEvents.addedTo(run.events());
    LocalDate day = java.time.Instant.ofEpochMilli(config.startMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    TransitOptions options = PipelineOptionsFactory.fromArgs("--gtfs=" + GtfsZip.write(run.truth().feed(),
        dir.resolve("gtfs.zip")), "--serviceDate=" + day, "--transitWindowSeconds=900", "--busLatestPositions=3",
        "--busLatestWindowSeconds=600").as(TransitOptions.class);

    long start = System.nanoTime();
    TransitLoop.Rows loop = TransitPipeline.loop(options).run(events);
    System.out.printf("loop: %,d events in %.3f s -> stop_wait %d, cell_stats %d, correlation %d, bus_latest %d%n",
        events.size(), (System.nanoTime() - start) / 1e9, loop.stopWaits().size(), loop.cellStats().size(),
        loop.correlations().size(), loop.busLatest().size());
    assertThat(loop.stopWaits()).hasSizeGreaterThan(100).anySatisfy(r -> assertThat(r.getExcessWaitS()).isNotNull());
    assertThat(loop.cellStats()).hasSizeGreaterThan(30)
        .anySatisfy(r -> assertThat(r.getIncidents()).isPositive())
        .anySatisfy(r -> assertThat(r.getExcessWaitS()).isNotNull())
        .anySatisfy(r -> assertThat(r.getMeanSpeedMps()).isNotNull());
    assertThat(loop.correlations()).hasSize(3) // three pairs of measures, one UTC day
        .allSatisfy(r -> assertThat(r.getR()).isNotNull());
    assertThat(loop.busLatest()).hasSizeGreaterThan(200);

    GtfsFeed feed = TransitPipeline.feed(options, day);
    PCollection<CityEvent> input = pipeline.apply(Create.timestamped(events.stream()
        .map(e -> TimestampedValue.of(e, new Instant(CityEvents.eventTime(e)))).toList())
        .withCoder(AvroCoder.of(CityEvent.class)));
    PCollectionTuple transit = input.apply(TransitPipeline.measure(options, feed, day));
    PAssert.that(transit.get(MeasureCellStats.STOP_WAITS)).containsInAnyOrder(loop.stopWaits());
    PAssert.that(transit.get(MeasureCellStats.CELL_STATS)).containsInAnyOrder(loop.cellStats());
    List<CorrelationRow> correlations = loop.correlations();
    PAssert.that(transit.get(MeasureCellStats.CORRELATIONS)).satisfies(rows -> {
      SameCorrelations.assertSame(rows, correlations); // r up to rounding
      return null;
    });
    PAssert.that(input.apply(TransitPipeline.keepLatest(options))).containsInAnyOrder(loop.busLatest());
    pipeline.run().waitUntilFinish();
  }
}
