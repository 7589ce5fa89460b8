package io.nolambda.transforms.trends;

import io.nolambda.transforms.TestKit;
import static io.nolambda.transforms.trends.AssetEvents.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import io.nolambda.transforms.InvalidEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** DetectTrends on TestStream: scores, ranking, windows, lateness, order and dead letters. */
class DetectTrendsTest {
  private static final long T0 = Instant.parse("2026-03-02T06:00:00Z").getMillis();
  private static final long W = 10_000;
  private static final DetectTrends SMALL = DetectTrends.create().withWindow(Duration.millis(W))
      .withHistory(3).withTopK(2).withMinSupport(2);

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static IntervalWindow window(int i) {
    return new IntervalWindow(new Instant(T0 + i * W), new Instant(T0 + (i + 1) * W));
  }

  private static TrendingRow row(String segment, int window, int rank, String asset, long count,
      double mean, double stddev) {
    return new TrendingRow(segment, T0 + window * W, T0 + (window + 1) * W, rank, asset, count, mean,
        stddev, (count - mean) / Math.max(stddev, 1));
  }

  private static TestStream.Builder<CityEvent> stream() {
    return TestStream.create(AvroCoder.of(CityEvent.class));
  }

  @Test
  void scoresAgainstAZeroFilledBaselineAndRanksTopKWithTiesByAssetId() {
    List<TimestampedValue<CityEvent>> events = scenario();

    PCollection<TrendingRow> trending = pipeline
        .apply(TestKit.add(stream(), events).advanceWatermarkToInfinity())
        .apply(SMALL).get(DetectTrends.TRENDING);

    // window 1: history (0, 0, 1): mean 1/3, stddev sqrt(2)/3 < 1
    PAssert.that(trending).inWindow(window(1)).containsInAnyOrder(
        row("all", 1, 1, "a", 3, 1.0 / 3, Math.sqrt(2) / 3),
        row("os:ios", 1, 1, "a", 3, 1.0 / 3, Math.sqrt(2) / 3),
        row("region:eu", 1, 1, "a", 3, 1.0 / 3, Math.sqrt(2) / 3));
    PAssert.that(trending).inWindow(window(2)).empty();
    // window 3: history (1, 3, 0): mean 4/3, variance (3 * 10 - 16) / 9
    double mean = 4.0 / 3;
    double stddev = Math.sqrt(14) / 3;
    PAssert.that(trending).inWindow(window(3)).containsInAnyOrder(
        row("all", 3, 1, "a", 6, mean, stddev), row("all", 3, 2, "b", 2, 0, 0),
        row("os:ios", 3, 1, "a", 6, mean, stddev), row("os:ios", 3, 2, "b", 2, 0, 0),
        row("os:android", 3, 1, "c", 2, 0, 0),
        row("region:eu", 3, 1, "a", 6, mean, stddev), row("region:eu", 3, 2, "b", 2, 0, 0));
    pipeline.run();
  }

  @Test
  void anHourOfWeekProfileLowersTheScoreOfAnAssetThatIsUsualAtThatHour() {
    // Monday 06:00 UTC is hour 6 of the week; "a" usually has 5 +- 0.5 views per window then.
    PCollection<HourProfile> profiles = pipeline.apply("Profiles",
        Create.of(new HourProfile("all", "a", 6, 5, 0.5), new HourProfile("all", "b", 7, 50, 1)));
    PCollection<TrendingRow> trending = pipeline
        .apply(TestKit.add(stream(), scenario()).advanceWatermarkToInfinity())
        .apply(SMALL.withProfile(HourProfile.asView(profiles))).get(DetectTrends.TRENDING);

    // In "all", a scores min(3.74, (6 - 5) / 1) = 1 and drops behind b and c; other segments
    // have no profile. The row keeps a's recent mean and stddev.
    double mean = 4.0 / 3;
    double stddev = Math.sqrt(14) / 3;
    PAssert.that(trending).inWindow(window(3)).containsInAnyOrder(
        row("all", 3, 1, "b", 2, 0, 0), row("all", 3, 2, "c", 2, 0, 0),
        row("os:ios", 3, 1, "a", 6, mean, stddev), row("os:ios", 3, 2, "b", 2, 0, 0),
        row("os:android", 3, 1, "c", 2, 0, 0),
        row("region:eu", 3, 1, "a", 6, mean, stddev), row("region:eu", 3, 2, "b", 2, 0, 0));
    PAssert.that(trending).inWindow(window(1)).containsInAnyOrder(
        new TrendingRow("all", T0 + W, T0 + 2 * W, 1, "a", 3, 1.0 / 3, Math.sqrt(2) / 3, -2),
        row("os:ios", 1, 1, "a", 3, 1.0 / 3, Math.sqrt(2) / 3),
        row("region:eu", 1, 1, "a", 3, 1.0 / 3, Math.sqrt(2) / 3));
    pipeline.run();
  }

  @Test
  void lateEventsWithinTheAllowedLatenessUpdateTheWindowAndLaterOnesAreDropped() {
    TestStream<CityEvent> stream = stream()
        // out of order within the window
        .addElements(view("e2", T0 + 9_000, "a", "ios", "eu"), view("e1", T0 + 1_000, "a", "ios", "eu"))
        .advanceWatermarkTo(new Instant(T0 + W + 5_000))
        // late, within the allowed lateness of one minute: refires window 0
        .addElements(view("e3", T0 + 5_000, "a", "ios", "eu"))
        .advanceWatermarkTo(new Instant(T0 + 20 * W))
        // beyond the allowed lateness: dropped
        .addElements(view("e4", T0 + 6_000, "a", "ios", "eu"))
        .advanceWatermarkToInfinity();

    PCollection<TrendingRow> trending = pipeline.apply(stream)
        .apply(SMALL.withAllowedLateness(Duration.standardMinutes(1))).get(DetectTrends.TRENDING);

    PAssert.that(trending).inOnTimePane(window(0)).containsInAnyOrder(
        row("all", 0, 1, "a", 2, 0, 0), row("os:ios", 0, 1, "a", 2, 0, 0),
        row("region:eu", 0, 1, "a", 2, 0, 0));
    PAssert.that(trending).inLatePane(window(0)).containsInAnyOrder(
        row("all", 0, 1, "a", 3, 0, 0), row("os:ios", 0, 1, "a", 3, 0, 0),
        row("region:eu", 0, 1, "a", 3, 0, 0));
    PAssert.that(trending).inWindow(window(1)).empty();
    pipeline.run();
  }

  @Test
  void aLateEventInAnEarlierWindowUpdatesTheBaselineOfAWindowAlreadyEmitted() {
    TestStream<CityEvent> stream = stream()
        .addElements(view("e1", T0 + W + 1_000, "a", "ios", "eu"), view("e2", T0 + W + 2_000, "a", "ios", "eu"))
        .advanceWatermarkTo(new Instant(T0 + 2 * W + 1_000))
        // late for window 0 (below min support there), history for window 1
        .addElements(view("e0", T0 + 3_000, "a", "ios", "eu"))
        .advanceWatermarkToInfinity();

    PCollection<TrendingRow> trending = pipeline.apply(stream)
        .apply(SMALL.withAllowedLateness(Duration.standardMinutes(1))).get(DetectTrends.TRENDING);

    PAssert.that(trending).inOnTimePane(window(1)).containsInAnyOrder(
        row("all", 1, 1, "a", 2, 0, 0), row("os:ios", 1, 1, "a", 2, 0, 0),
        row("region:eu", 1, 1, "a", 2, 0, 0));
    // history (1, 0, 0): mean 1/3, stddev sqrt(2)/3
    PAssert.that(trending).inLatePane(window(1)).containsInAnyOrder(
        row("all", 1, 1, "a", 2, 1.0 / 3, Math.sqrt(2) / 3),
        row("os:ios", 1, 1, "a", 2, 1.0 / 3, Math.sqrt(2) / 3),
        row("region:eu", 1, 1, "a", 2, 1.0 / 3, Math.sqrt(2) / 3));
    PAssert.that(trending).inWindow(window(0)).empty();
    pipeline.run();
  }

  @Test
  void shuffledInputInManyBatchesGivesTheReferenceRows() {
    List<TimestampedValue<CityEvent>> events = randomEvents(new Random(7));
    List<TimestampedValue<CityEvent>> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(11));

    // Batches of shuffled events; the watermark only advances to the earliest event still to come,
    // so nothing is late and every pane sees a different slice of the input.
    TestStream.Builder<CityEvent> builder = stream();
    for (int from = 0; from < shuffled.size(); from += 37) {
      List<TimestampedValue<CityEvent>> batch = shuffled.subList(from, Math.min(from + 37, shuffled.size()));
      builder = TestKit.add(builder, batch);
      long earliestLeft = shuffled.subList(Math.min(from + 37, shuffled.size()), shuffled.size()).stream()
          .mapToLong(tv -> tv.getTimestamp().getMillis()).min().orElse(Long.MAX_VALUE);
      if (earliestLeft != Long.MAX_VALUE) {
        builder = builder.advanceWatermarkTo(new Instant(earliestLeft));
      }
    }
    PCollection<TrendingRow> trending = pipeline.apply(builder.advanceWatermarkToInfinity())
        .apply(SMALL).get(DetectTrends.TRENDING);

    assertThat(ReferenceTrends.rows(events, W, 3, 2, 2)).isNotEmpty();
    PAssert.that(trending).containsInAnyOrder(ReferenceTrends.rows(events, W, 3, 2, 2));
    pipeline.run();
  }

  @Test
  void boundedInputInAnyOrderGivesTheReferenceRows() {
    List<TimestampedValue<CityEvent>> events = randomEvents(new Random(7));
    List<TimestampedValue<CityEvent>> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(3));

    PCollection<TrendingRow> trending = pipeline
        .apply(Create.timestamped(shuffled).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(SMALL).get(DetectTrends.TRENDING);

    PAssert.that(trending).containsInAnyOrder(ReferenceTrends.rows(events, W, 3, 2, 2));
    pipeline.run();
  }

  @Test
  void invalidAssetEventsAreDeadLettersAndOtherKindsAreIgnored() {
    CityEvent incident = CityEvents.of(CityIncident.newBuilder().setEventId("i1").setEventTime(T0)
        .setIncidentId("i1").setSource("311").setCategory("Noise").setStatus(IncidentStatus.OPENED)
        .build());
    TestStream<CityEvent> stream = stream()
        .addElements(view("ok1", T0 + 1, "a", "ios", "eu"), view("ok2", T0 + 2, "a", "ios", "eu"),
            view("bad1", T0 + 3, " ", "ios", "eu"), view("bad2", T0 + 4, "a", "", "eu"),
            TimestampedValue.of(incident, new Instant(T0)))
        .advanceWatermarkToInfinity();

    PCollectionTuple out = pipeline.apply(stream).apply(SMALL);

    PAssert.that(out.get(DetectTrends.INVALID)).containsInAnyOrder(
        new InvalidEvent("missing asset_id", "bad1", "AssetEvent"),
        new InvalidEvent("missing os", "bad2", "AssetEvent"));
    PAssert.that(out.get(DetectTrends.TRENDING)).containsInAnyOrder(
        row("all", 0, 1, "a", 2, 0, 0), row("os:ios", 0, 1, "a", 2, 0, 0),
        row("region:eu", 0, 1, "a", 2, 0, 0));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    // events in = events counted + dead letters
    assertThat(counter(result, "events_in")).isEqualTo(4);
    assertThat(counter(result, "invalid")).isEqualTo(2);
    assertThat(counter(result, "events_valid")).isEqualTo(2);
  }

  /** a: 1, 3, 0, 6 in windows 0-3; b and c (android) 2 each in window 3; d 1 in window 3. */
  private static List<TimestampedValue<CityEvent>> scenario() {
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    events.add(view("a0", T0 + 1_000, "a", "ios", "eu"));                  // window 0: a=1
    for (int i = 0; i < 3; i++) {
      events.add(view("a1-" + i, T0 + W + 100 * i, "a", "ios", "eu"));     // window 1: a=3
    }
    events.add(view("a1-0", T0 + W, "a", "ios", "eu"));                    // redelivered: counts once
    for (int i = 0; i < 6; i++) {                                          // window 2 is empty
      events.add(view("a3-" + i, T0 + 3 * W + 100 * i, "a", "ios", "eu")); // window 3: a=6
    }
    for (int i = 0; i < 2; i++) {
      events.add(view("b3-" + i, T0 + 3 * W + 50 * i, "b", "ios", "eu"));  // b=2, score 2
      events.add(view("c3-" + i, T0 + 3 * W + 60 * i, "c", "android", "eu")); // c ties b
    }
    events.add(view("d3", T0 + 3 * W + 5, "d", "ios", "eu"));              // below min support
    return events;
  }

  private static long counter(PipelineResult result, String name) {
    return TestKit.counter(result, DetectTrends.class, name);
  }

  /** A few hundred views over 12 windows: Zipf-ish background, one asset bursting in window 8. */
  private static List<TimestampedValue<CityEvent>> randomEvents(Random rng) {
    String[] os = {"ios", "android"};
    String[] regions = {"eu", "us", "ap"};
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long t = T0 + (long) (rng.nextDouble() * 12 * W);
      String asset = "a" + (int) Math.floor(Math.pow(rng.nextDouble(), 2) * 15);
      events.add(view("e" + i, t, asset, os[rng.nextInt(2)], regions[rng.nextInt(3)]));
    }
    for (int i = 0; i < 20; i++) {
      events.add(view("burst" + i, T0 + 8 * W + rng.nextInt((int) W), "a14", "ios", regions[rng.nextInt(3)]));
    }
    return events;
  }
}
