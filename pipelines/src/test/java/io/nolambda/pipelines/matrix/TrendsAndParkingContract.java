package io.nolambda.pipelines.matrix;

import static io.nolambda.pipelines.matrix.MatrixPipelines.at;
import static io.nolambda.pipelines.matrix.MatrixPipelines.batch;
import static io.nolambda.pipelines.matrix.MatrixPipelines.pipeline;
import static io.nolambda.pipelines.matrix.MatrixPipelines.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.ParkingEvent;
import io.nolambda.transforms.parking.MeasureParkingOccupancy;
import io.nolambda.transforms.parking.OccupancyRow;
import io.nolambda.transforms.trends.DetectTrends;
import io.nolambda.transforms.trends.TrendingRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The runner matrix for DetectTrends and MeasureParkingOccupancy (issue #3): the same fixed small
 * input, in batch (bounded Create) and in streaming (TestStream, watermark advances only, no
 * processing-time advances), must give exactly the rows computed here independently. Each runner
 * module extends this with its runner's options. Rows are compared as text with the doubles
 * rounded to 9 decimals, so a different summation order on a runner cannot flip a bit and fail.
 */
public abstract class TrendsAndParkingContract implements RunnerArgs {
  static final long T0 = 1_700_000_100_000L; // a multiple of 5 min and of 5 s
  static final long MINUTE = 60_000;
  static final long PARKING_W = 5 * MINUTE;
  static final long TREND_W = 5_000;
  static final int HISTORY = 3;
  static final int TOP_K = 2;
  static final long MIN_SUPPORT = 2;

  // ---- parking ----

  @Test
  void parkingBatchGivesTheExpectedRows() {
    TestPipeline p = pipeline(batchArgs());
    PCollection<CityEvent> events = p.apply(batch(parkingEvents()));
    assertParking(events);
    p.run().waitUntilFinish();
  }

  @Test
  void parkingStreamingGivesTheExpectedRows() {
    TestPipeline p = pipeline(streamingArgs());
    List<TimestampedValue<CityEvent>> all = parkingEvents();
    PCollection<CityEvent> events = p.apply(stream(all, T0 + 3 * MINUTE));
    assertParking(events);
    p.run().waitUntilFinish();
  }

  private static void assertParking(PCollection<CityEvent> events) {
    PCollection<String> rows = events
        .apply(MeasureParkingOccupancy.create().withStaleAfter(Duration.standardMinutes(30)))
        .get(MeasureParkingOccupancy.OCCUPANCY)
        .apply(MapElements.into(TypeDescriptors.strings()).via(TrendsAndParkingContract::text));
    PAssert.that(rows).containsInAnyOrder(expectedParking());
  }

  /**
   * Bays b1 and b2 in zone z1 (b1 free then parked from minute 1 to 12, b2 parked from its
   * snapshot), and car park p1 (capacity 100) counted at minutes 0, 2 and 4; state stale after
   * 30 min.
   */
  static List<TimestampedValue<CityEvent>> parkingEvents() {
    return List.of(bay("b1-snap", 0, "b1", false), bay("b2-snap", 0, "b2", true),
        bay("b1-in", 1, "b1", true), bay("b1-out", 12, "b1", false),
        facility("f0", 0, 100, 40), facility("f1", 2, 100, 37), facility("f2", 4, 100, 39));
  }

  /** Worked out by hand from the definitions in OccupancyRow and DESIGN.md 4. */
  static List<String> expectedParking() {
    List<String> rows = new ArrayList<>();
    // z1 window 0: b1 free 0-1 (1 of 2 parked), both parked 1-5; b1's rise at minute 1 arrives
    rows.add(text(occupancy("z1", 0, (0.5 * 1 + 1.0 * 4) / 5, 1, 1, 0, 0, null)));
    rows.add(text(occupancy("z1", 1, 1, 1, 0, 0, 0, null)));
    // b1 leaves at minute 12 after 11 minutes parked
    rows.add(text(occupancy("z1", 2, (1.0 * 2 + 0.5 * 3) / 5, 1, 0, 1, 1, 660.0)));
    for (int w = 3; w <= 5; w++) {
      rows.add(text(occupancy("z1", w, 0.5, 0.5, 0, 0, 1, null)));
    }
    // b2 stale from minute 30: only b1 (free) known; b1 stale from minute 42
    rows.add(text(occupancy("z1", 6, 0, 0, 0, 0, 1, null)));
    rows.add(text(occupancy("z1", 7, 0, 0, 0, 0, 1, null)));
    rows.add(text(occupancy("z1", 8, 0, 0, 0, 0, 0, null)));
    // p1: 60 parked 0-2, 63 parked 2-4, 61 parked from 4; 3 in, 2 out
    rows.add(text(occupancy("p1", 0, (0.60 * 2 + 0.63 * 2 + 0.61 * 1) / 5, 0.63, 3, 2, 39, null)));
    for (int w = 1; w <= 5; w++) {
      rows.add(text(occupancy("p1", w, 0.61, 0.61, 0, 0, 39, null)));
    }
    // f2 (minute 4) is stale from minute 34: known 4 of the window's 5 minutes, nothing at the end
    rows.add(text(occupancy("p1", 6, 0.61, 0.61, 0, 0, 0, null)));
    return rows;
  }

  private static OccupancyRow occupancy(String zone, long window, double occupancy, double peak,
      long arrivals, long departures, long free, Double dwell) {
    return new OccupancyRow(zone, T0 + window * PARKING_W, T0 + (window + 1) * PARKING_W, occupancy,
        peak, arrivals, departures, free, dwell);
  }

  static String text(OccupancyRow r) {
    return String.format(Locale.ROOT, "%s|%d|%d|%.9f|%.9f|%d|%d|%d|%s", r.getZoneId(),
        r.getWindowStart(), r.getWindowEnd(), r.getOccupancy(), r.getPeak(), r.getArrivals(),
        r.getDepartures(), r.getFreeAtEnd(),
        r.getMeanDwellS() == null ? "-" : String.format(Locale.ROOT, "%.9f", r.getMeanDwellS()));
  }

  private static TimestampedValue<CityEvent> bay(String id, long minutes, String bay, boolean occupied) {
    return at(CityEvents.of(ParkingEvent.newBuilder().setEventId(id).setEventTime(T0 + minutes * MINUTE)
        .setZoneId("z1").setBayId(bay).setOccupied(occupied).setLat(51.05).setLon(13.74).build()));
  }

  private static TimestampedValue<CityEvent> facility(String id, long minutes, int capacity, int free) {
    return at(CityEvents.of(ParkingEvent.newBuilder().setEventId(id).setEventTime(T0 + minutes * MINUTE)
        .setZoneId("p1").setFacilityId("p1").setCapacity(capacity).setFree(free).build()));
  }

  // ---- trends ----

  @Test
  void trendsBatchGiveTheExpectedRows() {
    TestPipeline p = pipeline(batchArgs());
    PCollection<CityEvent> events = p.apply(batch(assetEvents()));
    assertTrends(events);
    p.run().waitUntilFinish();
  }

  @Test
  void trendsStreamingGiveTheExpectedRows() {
    TestPipeline p = pipeline(streamingArgs());
    PCollection<CityEvent> events = p.apply(stream(assetEvents(), T0 + 2 * TREND_W));
    assertTrends(events);
    p.run().waitUntilFinish();
  }

  private static void assertTrends(PCollection<CityEvent> events) {
    PCollection<String> rows = events
        .apply(DetectTrends.create().withWindow(Duration.millis(TREND_W)).withHistory(HISTORY)
            .withTopK(TOP_K).withMinSupport(MIN_SUPPORT))
        .get(DetectTrends.TRENDING)
        .apply(MapElements.into(TypeDescriptors.strings()).via(TrendsAndParkingContract::text));
    List<String> expected = referenceTrends(assetEvents()).stream().map(TrendsAndParkingContract::text).toList();
    assertThat(expected).hasSizeGreaterThan(10);
    PAssert.that(rows).containsInAnyOrder(expected);
  }

  /**
   * Three assets over 5 windows of 5 s: "steady" twice per window, "burst" once then five times in
   * window 3, "late" only in window 4; one duplicate delivery; os ios/android, regions eu/us.
   */
  static List<TimestampedValue<CityEvent>> assetEvents() {
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    int[] burst = {1, 1, 1, 5, 2};
    int[] late = {0, 0, 0, 0, 3};
    for (int w = 0; w < 5; w++) {
      for (int i = 0; i < 2; i++) {
        events.add(view("steady-" + w + "-" + i, w, i, "steady", i % 2 == 0 ? "ios" : "android", "eu"));
      }
      for (int i = 0; i < burst[w]; i++) {
        events.add(view("burst-" + w + "-" + i, w, i, "burst", "ios", i < 3 ? "eu" : "us"));
      }
      for (int i = 0; i < late[w]; i++) {
        events.add(view("late-" + w + "-" + i, w, i, "late", "android", "us"));
      }
    }
    events.add(events.get(0)); // a duplicate delivery: counted once
    return events;
  }

  private static TimestampedValue<CityEvent> view(String id, int window, int i, String asset,
      String os, String region) {
    long time = T0 + window * TREND_W + 500 + i * 300L;
    return at(CityEvents.of(AssetEvent.newBuilder().setEventId(id).setEventTime(time).setAssetId(asset)
        .setAction(AssetAction.VIEW).setOs(os).setRegion(region).build()));
  }

  /**
   * The trend metric of DESIGN.md 4 in memory: distinct events per (segment, asset, window); mean
   * and population stddev over the previous N windows, missing ones 0; score (count - mean) /
   * max(stddev, 1); top K per (segment, window) by score, then asset id, among counts >= support.
   */
  static List<TrendingRow> referenceTrends(List<TimestampedValue<CityEvent>> events) {
    Map<List<String>, Map<Long, Set<String>>> ids = new TreeMap<>(Comparator.comparing(Object::toString));
    for (TimestampedValue<CityEvent> tv : events) {
      AssetEvent e = (AssetEvent) tv.getValue().getPayload();
      long window = Math.floorDiv(e.getEventTime(), TREND_W);
      for (String segment : List.of("all", "os:" + e.getOs(), "region:" + e.getRegion())) {
        ids.computeIfAbsent(List.of(segment, e.getAssetId()), k -> new HashMap<>())
            .computeIfAbsent(window, k -> new HashSet<>()).add(e.getEventId());
      }
    }
    Map<String, List<TrendingRow>> candidates = new HashMap<>();
    ids.forEach((key, byWindow) -> byWindow.forEach((window, set) -> {
      long count = set.size();
      if (count < MIN_SUPPORT) {
        return;
      }
      double[] past = new double[HISTORY];
      for (int i = 0; i < HISTORY; i++) {
        past[i] = byWindow.getOrDefault(window - HISTORY + i, Set.of()).size();
      }
      double mean = 0;
      for (double c : past) {
        mean += c / HISTORY;
      }
      double variance = 0;
      for (double c : past) {
        variance += (c - mean) * (c - mean) / HISTORY;
      }
      double stddev = Math.sqrt(variance);
      double score = (count - mean) / Math.max(stddev, 1);
      candidates.computeIfAbsent(key.get(0) + "@" + window, k -> new ArrayList<>())
          .add(new TrendingRow(key.get(0), window * TREND_W, (window + 1) * TREND_W, 0, key.get(1),
              count, mean, stddev, score));
    }));
    List<TrendingRow> out = new ArrayList<>();
    for (List<TrendingRow> list : candidates.values()) {
      list.sort(Comparator.comparingDouble(TrendingRow::getScore).reversed()
          .thenComparing(TrendingRow::getAssetId));
      for (int i = 0; i < Math.min(TOP_K, list.size()); i++) {
        out.add(list.get(i).withRank(i + 1));
      }
    }
    return out;
  }

  static String text(TrendingRow r) {
    return String.format(Locale.ROOT, "%s|%d|%d|#%d|%s|%d|%.9f|%.9f|%.9f", r.getSegment(),
        r.getWindowStart(), r.getWindowEnd(), r.getRank(), r.getAssetId(), r.getCount(), r.getMean(),
        r.getStddev(), r.getScore());
  }
}
