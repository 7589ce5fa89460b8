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
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The benchmarks' plain loop computes exactly the rows of the transform, on a simulated city. */
class ParkingOccupancyLoopTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void theLoopComputesTheTransformsRows() {
    List<CityEvent> events = new CitySimulator(SimulatorConfig.builder().seed(9).durationMillis(90 * 60_000).routes(0)
        .incidentsEnabled(false).assetEventsPerSecond(0).bursts(0).parkingEventsPerSecond(0.5).streetZones(6, 6)
        .carParks(2, 80).build()).run().events();
    Duration window = Duration.standardMinutes(10);
    Duration horizon = Duration.standardMinutes(30);
    List<OccupancyRow> loop = ParkingOccupancyLoop.measure(events, window, horizon);
    assertThat(loop.stream().map(OccupancyRow::getZoneId).distinct()) // a row for every zone with a report
        .hasSameSizeAs(events.stream().map(e -> ((ParkingEvent) e.getPayload()).getZoneId()).distinct().toList());

    PAssert.that(pipeline
        .apply(Create.timestamped(events.stream().map(e -> TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))))
            .toList()).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(MeasureParkingOccupancy.create().withWindow(window).withStaleAfter(horizon))
        .get(MeasureParkingOccupancy.OCCUPANCY)).containsInAnyOrder(loop);
    pipeline.run().waitUntilFinish();
  }
}
