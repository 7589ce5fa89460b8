package io.nolambda.transforms.transit;

import static io.nolambda.transforms.transit.TransitFixtures.A;
import static io.nolambda.transforms.transit.TransitFixtures.B;
import static io.nolambda.transforms.transit.TransitFixtures.HOUR;
import static io.nolambda.transforms.transit.TransitFixtures.MINUTE;
import static io.nolambda.transforms.transit.TransitFixtures.arrival;
import static io.nolambda.transforms.transit.TransitFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.VehicleStatus;
import io.nolambda.transforms.InvalidEvent;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** DetectArrivals: earliest qualifying report per trip and stop, sessions, dead letters. */
class DetectArrivalsTest {
  private static final double TEN_METRES = 10 / 111_195.0; // degrees of latitude

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void theEarliestStoppedOrNearbyReportOfEachTripAtEachStopIsItsArrival() {
    TestStream<CityEvent> stream = TestStream.create(AvroCoder.of(CityEvent.class))
        // out of order: the STOPPED_AT report comes before the earlier nearby one
        .addElements(
            position("t1-stopped", "T1", 90_000, A[0], A[1], VehicleStatus.STOPPED_AT, "A"),
            position("t1-near", "T1", 60_000, A[0] + TEN_METRES, A[1], VehicleStatus.INCOMING_AT, "A"),
            // 220 m away and not stopped: not an arrival
            position("t1-far", "T1", 30_000, A[0] - 20 * TEN_METRES, A[1], VehicleStatus.INCOMING_AT, "A"),
            // stopped at B with a poor fix 110 m away: STOPPED_AT is enough
            position("t1-b", "T1", 6 * MINUTE, B[0] - 11 * TEN_METRES, B[1], VehicleStatus.STOPPED_AT, "B"),
            // dwelling at B: still one arrival
            position("t1-b2", "T1", 7 * MINUTE, B[0], B[1], VehicleStatus.STOPPED_AT, "B"))
        .advanceWatermarkTo(new Instant(TransitFixtures.T0 + 10 * MINUTE))
        .addElements(
            // redelivered
            position("t1-b", "T1", 6 * MINUTE, B[0] - 11 * TEN_METRES, B[1], VehicleStatus.STOPPED_AT, "B"),
            position("t2-near", "T2", 16 * MINUTE, A[0], A[1] + TEN_METRES, VehicleStatus.IN_TRANSIT_TO, "B"),
            // the same trip id at A again two hours later (a new visit: the session gap passed)
            position("t1-again", "T1", 2 * HOUR, A[0], A[1], VehicleStatus.STOPPED_AT, "A"))
        .advanceWatermarkToInfinity();

    PCollectionTuple out = pipeline.apply(stream).apply(DetectArrivals.create(TransitFixtures.feed()));

    PAssert.that(out.get(DetectArrivals.ARRIVALS)).containsInAnyOrder(
        arrival("T1", "A", 60_000, "t1-near"),
        arrival("T1", "B", 6 * MINUTE, "t1-b"),
        arrival("T2", "A", 16 * MINUTE, "t2-near"),
        arrival("T1", "A", 2 * HOUR, "t1-again"));
    PAssert.that(out.get(DetectArrivals.INVALID)).empty();
    pipeline.run();
  }

  @Test
  void invalidReportsAreDeadLettersWithTheirReasonAndTheCountersAddUp() {
    TimestampedValue<CityEvent> noFix = position("no-fix", "T1", 0, Double.NaN, A[1],
        VehicleStatus.IN_TRANSIT_TO, null);
    TimestampedValue<CityEvent> nullIsland = position("null-island", "T1", 0, 0, 0,
        VehicleStatus.IN_TRANSIT_TO, null);
    TestStream<CityEvent> stream = TestStream.create(AvroCoder.of(CityEvent.class))
        .addElements(
            position("ok", "T3", 0, A[0], A[1], VehicleStatus.STOPPED_AT, "A"),
            position("no-trip", "X9", 0, A[0], A[1], VehicleStatus.STOPPED_AT, "A"),
            noFix, nullIsland,
            position("no-stop", "T1", 0, A[0], A[1], VehicleStatus.STOPPED_AT, "Z"),
            position("off-trip", "T1", 0, A[0], A[1], VehicleStatus.STOPPED_AT, "D"))
        .advanceWatermarkToInfinity();

    PCollectionTuple out = pipeline.apply(stream).apply(DetectArrivals.create(TransitFixtures.feed()));

    PAssert.that(out.get(DetectArrivals.INVALID)).containsInAnyOrder(
        new InvalidEvent("unknown trip", "no-trip", "BusPosition"),
        new InvalidEvent("missing coordinates", "no-fix", "BusPosition"),
        new InvalidEvent("missing coordinates", "null-island", "BusPosition"),
        new InvalidEvent("unknown stop", "no-stop", "BusPosition"),
        new InvalidEvent("stop not on trip", "off-trip", "BusPosition"));
    PAssert.that(out.get(DetectArrivals.ARRIVALS)).containsInAnyOrder(arrival("T3", "A", 0, "ok"));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertThat(counter(result, "events_in")).isEqualTo(6);
    assertThat(counter(result, "invalid")).isEqualTo(5);
    assertThat(counter(result, "events_valid")).isEqualTo(1);
    assertThat(counter(result, "arrivals")).isEqualTo(1);
    assertThat(((BusPosition) noFix.getValue().getPayload()).getLat()).isNaN();
    assertThat(CityEvents.kind(nullIsland.getValue())).isEqualTo("BusPosition");
  }

  static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(DetectArrivals.class, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
