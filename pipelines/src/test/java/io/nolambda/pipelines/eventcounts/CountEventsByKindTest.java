package io.nolambda.pipelines.eventcounts;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.IncidentStatus;
import io.nolambda.events.CityIncident;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Triggers, lateness and the stateful dedupe of the runner-proof transform, on TestStream. */
class CountEventsByKindTest {
  private static final long T0 = Instant.parse("2026-02-16T16:00:00Z").getMillis();
  private static final long MINUTE = 60_000;

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static TimestampedValue<CityEvent> asset(String id, long time) {
    CityEvent e = CityEvents.of(AssetEvent.newBuilder().setEventId(id).setEventTime(time).setAssetId("a")
        .setAction(AssetAction.VIEW).setOs("ios").setRegion("us").build());
    return TimestampedValue.of(e, new Instant(time));
  }

  private static TimestampedValue<CityEvent> incident(String id, long time) {
    CityEvent e = CityEvents.of(CityIncident.newBuilder().setEventId(id).setEventTime(time).setIncidentId(id)
        .setSource("311").setCategory("Noise").setStatus(IncidentStatus.OPENED).build());
    return TimestampedValue.of(e, new Instant(time));
  }

  @Test
  void onTimeLateAndTooLateEventsWithDuplicates() {
    TestStream<CityEvent> stream =
        TestStream.create(AvroCoder.of(CityEvent.class))
            .addElements(asset("a1", T0 + 5_000), asset("a2", T0 + 59_999), incident("i1", T0 + 1))
            // a duplicate delivery of a1 and out-of-order input in the next window
            .addElements(asset("a1", T0 + 5_000), asset("a4", T0 + MINUTE + 30_000), asset("a3", T0 + MINUTE))
            .advanceWatermarkTo(new Instant(T0 + 2 * MINUTE))
            // late but within the allowed lateness of 10 minutes: updates the first window
            .addElements(asset("a5", T0 + 10_000))
            .advanceWatermarkTo(new Instant(T0 + 30 * MINUTE))
            // beyond the allowed lateness: dropped by the window
            .addElements(asset("a6", T0 + 20_000))
            .advanceWatermarkToInfinity();

    PCollection<EventCount> counts = pipeline.apply(stream).apply(CountEventsByKind.create());

    IntervalWindow first = new IntervalWindow(new Instant(T0), new Instant(T0 + MINUTE));
    IntervalWindow second = new IntervalWindow(new Instant(T0 + MINUTE), new Instant(T0 + 2 * MINUTE));
    PAssert.that(counts).inOnTimePane(first).containsInAnyOrder(
        new EventCount("AssetEvent", T0, T0 + MINUTE, 2), new EventCount("CityIncident", T0, T0 + MINUTE, 1));
    PAssert.that(counts).inLatePane(first).containsInAnyOrder(new EventCount("AssetEvent", T0, T0 + MINUTE, 3));
    PAssert.that(counts).inWindow(second).containsInAnyOrder(
        new EventCount("AssetEvent", T0 + MINUTE, T0 + 2 * MINUTE, 2));
    pipeline.run();
  }

  @Test
  void windowSizeIsConfigurable() {
    TestStream<CityEvent> stream =
        TestStream.create(AvroCoder.of(CityEvent.class))
            .addElements(asset("a1", T0 + 5_000), asset("a2", T0 + 4 * MINUTE))
            .advanceWatermarkToInfinity();

    PCollection<EventCount> counts =
        pipeline.apply(stream).apply(CountEventsByKind.create().withWindow(Duration.standardMinutes(5)));

    PAssert.that(counts).containsInAnyOrder(new EventCount("AssetEvent", T0, T0 + 5 * MINUTE, 2));
    pipeline.run();
  }
}
