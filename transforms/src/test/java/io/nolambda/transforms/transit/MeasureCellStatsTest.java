package io.nolambda.transforms.transit;

import static io.nolambda.transforms.transit.TransitFixtures.A;
import static io.nolambda.transforms.transit.TransitFixtures.DAY;
import static io.nolambda.transforms.transit.TransitFixtures.HOUR;
import static io.nolambda.transforms.transit.TransitFixtures.MINUTE;
import static io.nolambda.transforms.transit.TransitFixtures.T0;
import static io.nolambda.transforms.transit.TransitFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import io.nolambda.events.VehicleStatus;
import io.nolambda.transforms.InvalidEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.assertj.core.data.Offset;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** MeasureCellStats: incidents, EWT and speed per cell and window; correlations per day. */
class MeasureCellStatsTest {
  private static final Cells CELLS = Cells.grid(0.01);
  private static final String CELL_A = CELLS.cellOf(A[0], A[1]);
  private static final String CELL_X = CELLS.cellOf(38.955, -77.055);
  private static final long UTC_DAY = Instant.parse("2026-02-16T00:00:00Z").getMillis();

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static TimestampedValue<CityEvent> incident(String id, long millisAfterT0, String source,
      Double lat, Double lon, IncidentStatus status) {
    CityIncident i = CityIncident.newBuilder().setEventId(id).setEventTime(T0 + millisAfterT0)
        .setIncidentId(id).setSource(source).setCategory("Traffic").setLat(lat).setLon(lon)
        .setStatus(status).build();
    return TimestampedValue.of(CityEvents.of(i), new Instant(i.getEventTime()));
  }

  private static TimestampedValue<CityEvent> stopped(String trip, long millisAfterT0) {
    return position(trip + "@A", trip, millisAfterT0, A[0], A[1], VehicleStatus.STOPPED_AT, "A");
  }

  @Test
  void cellStatsJoinIncidentsExcessWaitAndSpeedAndCorrelatePerDay() {
    TestStream<CityEvent> stream = TestStream.create(AvroCoder.of(CityEvent.class))
        .addElements(stopped("T3", 30 * MINUTE), stopped("T1", 0), stopped("T2", 10 * MINUTE),
            stopped("T4", 65 * MINUTE),
            incident("i1", MINUTE, "311", A[0], A[1], IncidentStatus.OPENED),
            incident("i2", 2 * MINUTE, "911", A[0] + 0.001, A[1], IncidentStatus.OPENED),
            incident("i1", MINUTE, "311", A[0], A[1], IncidentStatus.OPENED), // redelivered
            incident("i1-closed", 20 * MINUTE, "311", A[0], A[1], IncidentStatus.CLOSED),
            incident("i3", HOUR + MINUTE, "311", A[0], A[1], IncidentStatus.OPENED),
            incident("i4", HOUR + 2 * MINUTE, "311", A[0], A[1], IncidentStatus.OPENED),
            incident("i5", HOUR + 3 * MINUTE, "911", A[0], A[1], IncidentStatus.OPENED),
            incident("i6", 5 * MINUTE, "311", 38.955, -77.055, IncidentStatus.OPENED),
            incident("i7", 5 * MINUTE, "311", null, null, IncidentStatus.OPENED))
        .advanceWatermarkToInfinity();

    PCollectionTuple out = pipeline.apply(stream)
        .apply(MeasureCellStats.create(TransitFixtures.feed(), DAY, CELLS));

    // EWT at A: 500 - 450 s in the first hour, 1050 - 450 s in the second (MeasureStopWaitsTest)
    PAssert.that(out.get(MeasureCellStats.CELL_STATS)).containsInAnyOrder(
        new CellStatsRow(CELL_A, T0, T0 + HOUR, 2, 1, 1, 50.0, 5.0),
        new CellStatsRow(CELL_A, T0 + HOUR, T0 + 2 * HOUR, 3, 2, 1, 600.0, 5.0),
        new CellStatsRow(CELL_X, T0, T0 + HOUR, 1, 1, 0, null, null));
    PAssert.that(out.get(MeasureCellStats.INVALID)).containsInAnyOrder(
        new InvalidEvent("missing coordinates", "i7", "CityIncident"));
    PAssert.that(out.get(MeasureCellStats.STOP_WAITS)).satisfies(rows -> {
      List<Double> excess = new ArrayList<>();
      rows.forEach(r -> excess.add(r.getExcessWaitS()));
      assertThat(excess).containsExactlyInAnyOrder(50.0, 600.0);
      return null;
    });
    PAssert.that(out.get(MeasureCellStats.CORRELATIONS)).satisfies(rows -> {
      Map<String, CorrelationRow> byPair = new HashMap<>();
      rows.forEach(r -> byPair.put(r.getX() + "|" + r.getY(), r));
      assertThat(byPair).containsOnlyKeys("incidents|excess_wait_s", "incidents|mean_speed_mps",
          "mean_speed_mps|excess_wait_s");
      CorrelationRow ewt = byPair.get("incidents|excess_wait_s");
      assertThat(ewt.getDay()).isEqualTo(UTC_DAY);
      // incidents 1 and 3 against null EWT and 50, 600: only the two rows with both count
      assertThat(ewt.getN()).isEqualTo(2);
      assertThat(ewt.getR()).isCloseTo(1.0, Offset.offset(1e-12));
      // the speed is constant: r undefined
      assertThat(byPair.get("incidents|mean_speed_mps").getN()).isEqualTo(2);
      assertThat(byPair.get("incidents|mean_speed_mps").getR()).isNull();
      assertThat(byPair.get("mean_speed_mps|excess_wait_s").getR()).isNull();
      return null;
    });
    pipeline.run();
  }
}
