package io.nolambda.transforms.transit;

import static io.nolambda.transforms.transit.TransitFixtures.MINUTE;
import static io.nolambda.transforms.transit.TransitFixtures.T0;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.VehicleStatus;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** KeepLatestPositions: the N latest distinct times per bus and window, whatever the order. */
class KeepLatestPositionsTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static BusPosition position(String id, String vehicle, long millisAfterT0, double lat) {
    return BusPosition.newBuilder().setEventId(id).setEventTime(T0 + millisAfterT0)
        .setVehicleId(vehicle).setRouteId("R").setDirectionId(0).setTripId("T1").setLat(lat)
        .setLon(-77.0).setStatus(VehicleStatus.IN_TRANSIT_TO).setSpeedMps(5.0).build();
  }

  private static TimestampedValue<CityEvent> event(BusPosition p) {
    return TimestampedValue.of(CityEvents.of(p), new Instant(p.getEventTime()));
  }

  private static BusLatestRow row(BusPosition p) {
    return new BusLatestRow(p.getVehicleId(), p.getEventTime(), p.getRouteId(), p.getTripId(),
        p.getLat(), p.getLon(), p.getSpeedMps(), p.getStopId());
  }

  @Test
  void eachBusKeepsItsLatestReportTimesPerWindow() {
    BusPosition a1 = position("a1", "A", MINUTE, 38.91);
    BusPosition a2 = position("a2", "A", 2 * MINUTE, 38.92);
    BusPosition a3 = position("a3", "A", 3 * MINUTE, 38.93);
    BusPosition a3b = position("a3b", "A", 3 * MINUTE, 38.94); // same time, larger id: kept
    BusPosition a4 = position("a4", "A", 4 * MINUTE, 38.95);
    BusPosition a6 = position("a6", "A", 6 * MINUTE, 38.96); // next window
    BusPosition b1 = position("b1", "B", MINUTE, 38.97);
    BusPosition nowhere = position("z", "A", 4 * MINUTE + 1, Double.NaN);
    TestStream<CityEvent> stream = TestStream.create(AvroCoder.of(CityEvent.class))
        .addElements(event(a4), event(a1), event(b1), event(a3))
        .addElements(event(a3b), event(a2), event(a4), event(nowhere), event(a6)) // a4 redelivered
        .advanceWatermarkToInfinity();

    PCollection<BusLatestRow> rows = pipeline.apply(stream)
        .apply(KeepLatestPositions.create().withLatest(2).withWindow(Duration.standardMinutes(5)));

    PAssert.that(rows).containsInAnyOrder(row(a4), row(a3b), row(a6), row(b1));
    pipeline.run();
  }
}
