package io.nolambda.transforms.transit;

import static io.nolambda.transforms.transit.TransitFixtures.HOUR;
import static io.nolambda.transforms.transit.TransitFixtures.MINUTE;
import static io.nolambda.transforms.transit.TransitFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.VehicleStatus;
import io.nolambda.transforms.InvalidEvent;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** MeasureBusSpeed: mean of distinct reports per cell and window, dead letters. */
class MeasureBusSpeedTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static TimestampedValue<CityEvent> report(String id, long millisAfterT0, double lat,
      double lon, Double speed) {
    BusPosition p = BusPosition.newBuilder().setEventId(id).setEventTime(T0 + millisAfterT0)
        .setVehicleId("v").setRouteId("R").setDirectionId(0).setTripId("T1").setLat(lat).setLon(lon)
        .setStatus(VehicleStatus.IN_TRANSIT_TO).setSpeedMps(speed).build();
    return TimestampedValue.of(CityEvents.of(p), new Instant(p.getEventTime()));
  }

  @Test
  void cellsAreGridSquaresAlignedAtZero() {
    Cells grid = Cells.grid(0.01);
    assertThat(grid.cellOf(38.905, -77.005)).isEqualTo("g0.01:3890:-7701");
    assertThat(grid.cellOf(38.9099, -77.0001)).isEqualTo(grid.cellOf(38.9001, -77.0099));
    assertThat(grid.cellOf(38.91, -77.0)).isNotEqualTo(grid.cellOf(38.9099, -77.0));
  }

  @Test
  void theMeanSpeedOfEachCellAndWindowCountsEachReportOnce() {
    TestStream<CityEvent> stream = TestStream.create(AvroCoder.of(CityEvent.class))
        .addElements(report("a", 50 * MINUTE, 38.905, -77.005, 6.0),
            report("b", MINUTE, 38.906, -77.004, 2.0),
            report("a", 50 * MINUTE, 38.905, -77.005, 6.0), // redelivered
            report("c", 2 * MINUTE, 38.915, -77.005, 10.0),
            report("no-speed", 3 * MINUTE, 38.905, -77.005, null),
            report("d", HOUR + MINUTE, 38.905, -77.005, 1.0),
            report("negative", MINUTE, 38.905, -77.005, -1.0),
            report("nowhere", MINUTE, Double.NaN, -77.005, 3.0))
        .advanceWatermarkToInfinity();

    PCollectionTuple out = pipeline.apply(stream)
        .apply(MeasureBusSpeed.create().withCells(Cells.grid(0.01)));

    PAssert.that(out.get(MeasureBusSpeed.SPEEDS)).containsInAnyOrder(
        new BusSpeedRow("g0.01:3890:-7701", T0, T0 + HOUR, 4.0, 2),
        new BusSpeedRow("g0.01:3891:-7701", T0, T0 + HOUR, 10.0, 1),
        new BusSpeedRow("g0.01:3890:-7701", T0 + HOUR, T0 + 2 * HOUR, 1.0, 1));
    PAssert.that(out.get(MeasureBusSpeed.INVALID)).containsInAnyOrder(
        new InvalidEvent("bad speed", "negative", "BusPosition"),
        new InvalidEvent("missing coordinates", "nowhere", "BusPosition"));
    pipeline.run();
  }
}
