package io.nolambda.pipelines.matrix;

import static io.nolambda.pipelines.matrix.MatrixPipelines.batch;
import static io.nolambda.pipelines.matrix.MatrixPipelines.pipeline;
import static io.nolambda.pipelines.matrix.MatrixPipelines.stream;
import static io.nolambda.pipelines.matrix.TransitScenario.DAY;
import static io.nolambda.pipelines.matrix.TransitScenario.LON;
import static io.nolambda.pipelines.matrix.TransitScenario.t;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.CityEvent;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.transforms.transit.Arrival;
import io.nolambda.transforms.transit.BusLatestRow;
import io.nolambda.transforms.transit.BusSpeedRow;
import io.nolambda.transforms.transit.CellStatsRow;
import io.nolambda.transforms.transit.Cells;
import io.nolambda.transforms.transit.CorrelationRow;
import io.nolambda.transforms.transit.DetectArrivals;
import io.nolambda.transforms.transit.KeepLatestPositions;
import io.nolambda.transforms.transit.MeasureBusSpeed;
import io.nolambda.transforms.transit.MeasureCellStats;
import io.nolambda.transforms.transit.MeasureStopWaits;
import io.nolambda.transforms.transit.StopWaitRow;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The runner matrix for the transit transforms (issue #3): DetectArrivals, MeasureBusSpeed and
 * KeepLatestPositions, and MeasureStopWaits and MeasureCellStats over the detected arrivals, on
 * {@link TransitScenario}, in batch and in streaming (TestStream, the watermark advanced to 08:33
 * between two batches), must give exactly the rows worked out here by hand, or, where a runner
 * cannot run them, fail fast naming the limit. 30 min windows: W0 = 08:00-08:30, W1 =
 * 08:30-09:00. Rows are compared as text with doubles rounded to 9 decimals, as in {@link
 * TrendsAndParkingContract}.
 */
public abstract class TransitContract implements RunnerArgs {
  static final Duration WINDOW = Duration.standardMinutes(30);
  static final long W0 = t(0, 0);
  static final long W1 = t(30, 0);
  static final long SPLIT = t(33, 0);
  // the 0.01 degree grid: floor(38.905 / 0.01) = 3890, floor(-77.005 / 0.01) = floor(-7700.5) = -7701
  static final String C1 = "g0.01:3890:-7701";
  static final String C2 = "g0.01:3891:-7701";
  static final String C3 = "g0.01:3892:-7701";

  /**
   * The limit a streaming run of the stop waits (and so the cell stats) must fail fast with when
   * the pipeline is built, or null on runners that run them.
   */
  protected String streamingStopWaitsLimit() {
    return null;
  }

  @Test
  void positionsBatchGiveTheExpectedRows() {
    TestPipeline p = pipeline(batchArgs());
    assertPositions(p.apply(batch(TransitScenario.events())));
    p.run().waitUntilFinish();
  }

  @Test
  void positionsStreamingGiveTheExpectedRows() {
    TestPipeline p = pipeline(streamingArgs());
    assertPositions(p.apply(stream(TransitScenario.events(), SPLIT)));
    p.run().waitUntilFinish();
  }

  @Test
  void stopWaitsAndCellsBatchGiveTheExpectedRows() {
    TestPipeline p = pipeline(batchArgs());
    PCollection<CityEvent> events = p.apply(batch(TransitScenario.events()));
    assertStopWaits(events);
    assertCells(events);
    p.run().waitUntilFinish();
  }

  @Test
  void stopWaitsAndCellsStreamingGiveTheExpectedRowsOrFailFast() {
    TestPipeline p = pipeline(streamingArgs());
    PCollection<CityEvent> events = p.apply(stream(TransitScenario.events(), SPLIT));
    String limit = streamingStopWaitsLimit();
    if (limit != null) {
      assertThatThrownBy(() -> assertStopWaits(events))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(limit);
      assertThatThrownBy(() -> assertCells(events))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(limit);
      return;
    }
    assertStopWaits(events);
    assertCells(events);
    p.run().waitUntilFinish();
  }

  /** The transforms of single aggregations over the positions: arrivals, speeds, latest positions. */
  private static void assertPositions(PCollection<CityEvent> events) {
    PCollection<Arrival> arrivals = events.apply("Arrivals", DetectArrivals.create(TransitScenario.feed()))
        .get(DetectArrivals.ARRIVALS);
    PAssert.that(text("arrivals", arrivals, TransitContract::text)).containsInAnyOrder(expectedArrivals());
    PCollection<BusSpeedRow> speeds = events
        .apply("Speeds", MeasureBusSpeed.create().withWindow(WINDOW)).get(MeasureBusSpeed.SPEEDS);
    PAssert.that(text("speeds", speeds, TransitContract::text)).containsInAnyOrder(expectedSpeeds());
    PCollection<BusLatestRow> latest = events
        .apply("Latest", KeepLatestPositions.create().withLatest(2).withWindow(WINDOW));
    PAssert.that(text("latest", latest, TransitContract::text)).containsInAnyOrder(expectedLatest());
  }

  private static void assertStopWaits(PCollection<CityEvent> events) {
    GtfsFeed feed = TransitScenario.feed();
    PCollection<StopWaitRow> waits = events.apply("Arrivals", DetectArrivals.create(feed))
        .get(DetectArrivals.ARRIVALS)
        .apply("Stop waits", MeasureStopWaits.create(feed, DAY).withWindow(WINDOW));
    PAssert.that(text("waits", waits, TransitContract::text)).containsInAnyOrder(expectedStopWaits());
  }

  /** Cell stats and correlations: incidents, the stop waits' excess and the speeds together. */
  private static void assertCells(PCollection<CityEvent> events) {
    PCollectionTuple cells = events.apply("Cells",
        MeasureCellStats.create(TransitScenario.feed(), DAY, Cells.grid(0.01)).withWindow(WINDOW));
    PAssert.that(text("cells", cells.get(MeasureCellStats.CELL_STATS), TransitContract::text))
        .containsInAnyOrder(expectedCellStats());
    PAssert.that(text("correlations", cells.get(MeasureCellStats.CORRELATIONS), TransitContract::text))
        .containsInAnyOrder(expectedCorrelations());
    // refused by arrival detection and by speed alike, so there twice
    PAssert.that(text("invalid", cells.get(MeasureCellStats.INVALID), Object::toString))
        .containsInAnyOrder("BusPosition T4-nofix: missing coordinates",
            "BusPosition T4-nofix: missing coordinates");
  }

  /**
   * Earliest qualifying report per trip and stop: T2's at S1 is the one 11 m before the stop, T3's
   * dwell report at S2 and the moving reports (333 m from any stop) are no arrivals.
   */
  static List<String> expectedArrivals() {
    return List.of(arrival("T1", "S1", t(0, 0), "T1-S1"), arrival("T1", "S2", t(5, 0), "T1-S2"),
        arrival("T1", "S3", t(10, 0), "T1-S3"), arrival("T2", "S1", t(14, 0), "T2-near-S1"),
        arrival("T2", "S2", t(17, 0), "T2-S2"), arrival("T2", "S3", t(25, 0), "T2-S3"),
        arrival("T3", "S1", t(16, 0), "T3-S1"), arrival("T3", "S2", t(20, 0), "T3-S2"),
        arrival("T3", "S3", t(28, 0), "T3-S3"), arrival("T4", "S1", t(30, 0), "T4-S1"),
        arrival("T4", "S2", t(35, 0), "T4-S2"), arrival("T4", "S3", t(40, 0), "T4-S3"));
  }

  /**
   * Wait = sum(h^2) / (2 sum h) over the headways ending in the window; with h in minutes that is
   * 30 (a^2 + b^2) / (a + b) seconds for two headways a, b and 30 a for one. Scheduled: 10 min
   * headways everywhere, 30 * 10 = 300 s (the first visit of the day has no headway). W1's headways
   * start at arrivals carried over from W0.
   */
  static List<String> expectedStopWaits() {
    return List.of(
        // S1 at 0, 14, 16 | 30: headways 14, 2 -> 30 * 200 / 16 = 375; then 14 -> 420
        text(stopWait("S1", W0, 3, 375.0)), text(stopWait("S1", W1, 1, 420.0)),
        // S2 at 5, 17, 20 | 35: headways 12, 3 -> 30 * 153 / 15 = 306; then 15 -> 450
        text(stopWait("S2", W0, 3, 306.0)), text(stopWait("S2", W1, 1, 450.0)),
        // S3 at 10, 25, 28 | 40: headways 15, 3 -> 30 * 234 / 18 = 390; then 12 -> 360
        text(stopWait("S3", W0, 3, 390.0)), text(stopWait("S3", W1, 1, 360.0)));
  }

  private static StopWaitRow stopWait(String stop, long start, long arrivals, double expected) {
    return new StopWaitRow("R", 0, stop, start, start + WINDOW.getMillis(), arrivals, expected, 300.0,
        expected - 300);
  }

  /** The moving reports' speeds by cell (the stop reports carry none); T2's duplicate counts once. */
  static List<String> expectedSpeeds() {
    return List.of(
        text(new BusSpeedRow(C1, W0, W1, (10.0 + 6 + 5) / 3, 3)), // T1, T2, T3 leaving S1
        text(new BusSpeedRow(C2, W0, W1, (9.0 + 4 + 2) / 3, 3)), // leaving S2
        text(new BusSpeedRow(C1, W1, W1 + WINDOW.getMillis(), 8.0, 1)), // T4
        text(new BusSpeedRow(C2, W1, W1 + WINDOW.getMillis(), 6.0, 1)));
  }

  /** Each bus's two latest reports of the window: leaving S2, then at S3; T4's (0, 0) is skipped. */
  static List<String> expectedLatest() {
    return List.of(
        latest("v1", "T1", t(6, 0), 9.0), latest("v1", "T1", t(10, 0), null),
        latest("v2", "T2", t(18, 0), 4.0), latest("v2", "T2", t(25, 0), null),
        latest("v3", "T3", t(21, 0), 2.0), latest("v3", "T3", t(28, 0), null),
        latest("v4", "T4", t(36, 0), 6.0), latest("v4", "T4", t(40, 0), null));
  }

  private static String latest(String vehicle, String trip, long time, Double speed) {
    double lat = speed == null ? 38.925 : 38.918; // at S3, or 333 m past S2
    return text(new BusLatestRow(vehicle, time, "R", trip, lat, LON, speed, "S3"));
  }

  /**
   * Per cell and window: the incidents, the excess wait of the cell's one stop (expected - 300 from
   * {@link #expectedStopWaits}) and the speed of {@link #expectedSpeeds} (none in C3).
   */
  static List<String> expectedCellStats() {
    long w2 = W1 + WINDOW.getMillis();
    return List.of(
        text(new CellStatsRow(C1, W0, W1, 0, 0, 0, 75.0, 7.0)),
        text(new CellStatsRow(C2, W0, W1, 1, 1, 0, 6.0, 5.0)), // the 311 incident i1
        text(new CellStatsRow(C3, W0, W1, 0, 0, 0, 90.0, null)),
        text(new CellStatsRow(C1, W1, w2, 0, 0, 0, 120.0, 8.0)),
        text(new CellStatsRow(C2, W1, w2, 0, 0, 0, 150.0, 6.0)),
        text(new CellStatsRow(C3, W1, w2, 0, 0, 0, 60.0, null)));
  }

  /**
   * Pearson r = Sxy / sqrt(Sxx Syy) over the day's cell rows with both measures, S the sums of
   * products of deviations from the means.
   */
  static List<String> expectedCorrelations() {
    long day = Instant.parse("2026-03-02T00:00:00Z").getMillis();
    return List.of(
        // incidents (0, 1, 0, 0, 0, 0), excess (75, 6, 90, 120, 150, 60), means 1/6 and 83.5:
        // Sxy = 6 - 83.5 = -77.5, Sxx = 1 - 1/6 = 5/6, Syy = 54261 - 6 * 83.5^2 = 12427.5
        text(new CorrelationRow(day, "incidents", "excess_wait_s", 6, -77.5 / Math.sqrt(5.0 / 6 * 12427.5))),
        // incidents (0, 1, 0, 0), speed (7, 5, 8, 6), means 0.25 and 6.5:
        // Sxy = 5 - 6.5 = -1.5, Sxx = 0.75, Syy = 174 - 169 = 5
        text(new CorrelationRow(day, "incidents", "mean_speed_mps", 4, -1.5 / Math.sqrt(0.75 * 5))),
        // speed (7, 5, 8, 6), excess (75, 6, 120, 150), means 6.5 and 87.75:
        // Sxy = 2415 - 4 * 6.5 * 87.75 = 133.5, Sxx = 5, Syy = 42561 - 4 * 87.75^2 = 11760.75
        text(new CorrelationRow(day, "mean_speed_mps", "excess_wait_s", 4, 133.5 / Math.sqrt(5 * 11760.75))));
  }

  private static String arrival(String trip, String stop, long time, String eventId) {
    return text(new Arrival("R", 0, stop, trip, "v" + trip.substring(1), time, eventId));
  }

  private static <T> PCollection<String> text(String name, PCollection<T> rows,
      SerializableFunction<T, String> format) {
    return rows.apply("Text of " + name, MapElements.into(TypeDescriptors.strings()).via(format));
  }

  static String text(Arrival a) {
    return String.join("|", a.getRouteId(), "" + a.getDirectionId(), a.getStopId(), a.getTripId(),
        a.getVehicleId(), "" + a.getArrivalTime(), a.getEventId());
  }

  static String text(StopWaitRow r) {
    return String.join("|", r.getRouteId(), "" + r.getDirectionId(), r.getStopId(),
        "" + r.getWindowStart(), "" + r.getWindowEnd(), "" + r.getArrivals(), num(r.getExpectedWaitS()),
        num(r.getScheduledWaitS()), num(r.getExcessWaitS()));
  }

  static String text(BusSpeedRow r) {
    return String.join("|", r.getCell(), "" + r.getWindowStart(), "" + r.getWindowEnd(),
        num(r.getMeanSpeedMps()), "" + r.getN());
  }

  static String text(BusLatestRow r) {
    return String.join("|", r.getVehicleId(), "" + r.getEventTime(), r.getRouteId(), r.getTripId(),
        num(r.getLat()), num(r.getLon()), num(r.getSpeedMps()), r.getStopId());
  }

  static String text(CellStatsRow r) {
    return String.join("|", r.getCell(), "" + r.getWindowStart(), "" + r.getWindowEnd(),
        "" + r.getIncidents(), "" + r.getIncidents311(), "" + r.getIncidents911(),
        num(r.getExcessWaitS()), num(r.getMeanSpeedMps()));
  }

  static String text(CorrelationRow r) {
    return String.join("|", "" + r.getDay(), r.getX(), r.getY(), "" + r.getN(), num(r.getR()));
  }

  private static String num(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.9f", d);
  }
}
