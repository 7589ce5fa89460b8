package io.nolambda.pipelines.parking;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.ParkingEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.transforms.parking.MeasureParkingOccupancy;
import io.nolambda.transforms.parking.OccupancyRow;
import io.nolambda.transforms.parking.ParkingOccupancyLoop;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' plain loop computes exactly the rows of the transform, on a simulated city, both
 * built from the same pipeline options.
 */
class ParkingOccupancyLoopTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void theLoopComputesTheTransformsRows() {
    List<CityEvent> events = events();
    ParkingOptions options = options("--occupancyWindowSeconds=600", "--staleAfterSeconds=1800");
    List<OccupancyRow> loop = ParkingPipeline.loop(options).apply(events);
    assertThat(loop.stream().map(OccupancyRow::getZoneId).distinct()) // a row for every zone with a report
        .hasSameSizeAs(events.stream().map(e -> ((ParkingEvent) e.getPayload()).getZoneId()).distinct().toList());

    PAssert.that(pipeline
        .apply(Create.timestamped(events.stream().map(e -> TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))))
            .toList()).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(ParkingPipeline.measure(options))
        .get(MeasureParkingOccupancy.OCCUPANCY)).containsInAnyOrder(loop);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theLoopReadsTheRunsOptions() {
    List<CityEvent> events = events();
    // the defaults a run without arguments has (those the bench used to type in)
    assertThat(ParkingPipeline.loop(options()).apply(events)).containsExactlyInAnyOrderElementsOf(
        ParkingOccupancyLoop.measure(events, Duration.standardMinutes(5), Duration.standardHours(2)));

    List<OccupancyRow> quarters = ParkingPipeline.loop(options("--occupancyWindowSeconds=900")).apply(events);
    assertThat(quarters).isNotEmpty()
        .allSatisfy(r -> assertThat(r.getWindowEnd() - r.getWindowStart()).isEqualTo(900_000));
    assertThat(quarters).containsExactlyInAnyOrderElementsOf(
        ParkingOccupancyLoop.measure(events, Duration.standardMinutes(15), Duration.standardHours(2)));
  }

  private static List<CityEvent> events() {
    return new CitySimulator(SimulatorConfig.builder().seed(9).durationMillis(90 * 60_000).routes(0)
        .incidentsEnabled(false).assetEventsPerSecond(0).bursts(0).parkingEventsPerSecond(0.5).streetZones(6, 6)
        .carParks(2, 80).build()).run().events();
  }

  private static ParkingOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ParkingOptions.class);
  }
}
