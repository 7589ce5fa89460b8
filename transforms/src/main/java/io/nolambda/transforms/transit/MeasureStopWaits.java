package io.nolambda.transforms.transit;

import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import io.nolambda.transforms.EventTimeWindows;
import io.nolambda.transforms.Runners;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Arrivals to stop waits (DESIGN.md 4) per route, direction, stop and event-time window (default
 * 1 h): the expected wait of a passenger arriving at random, sum(h^2) / (2 sum(h)) over the
 * headways that end in the window, the same from the GTFS stop_times of the service day, and the
 * excess wait time (EWT) = expected - scheduled. See {@link Headways} for the headway definition
 * and {@link StopWaitRow} for the columns; a row is emitted for each window with arrivals.
 *
 * <p>Order-insensitive without timers (DESIGN.md 5, 6): a headway needs the previous arrival even
 * when that fell in an earlier window, so each arrival is carried into its own window and every
 * later window starting within the max headway (default 2 h) after it; headways longer than that
 * are not headways. Per (stop, window) the arrivals are deduplicated and sorted, so the row is a
 * function of the set of arrivals. Arrivals of the same trip closer than the dedup gap (default
 * 30 min, the {@link DetectArrivals} session gap) count once, the earliest.
 *
 * <p>The schedule is that of one service date (the feed should hold that day's trips, as {@code
 * GtfsImporter.read(zip, date)} gives): stop_times seconds count from noon minus 12 h of the date
 * in the feed's time zone. Windows outside that day get no scheduled wait (null).
 *
 * <p>Refused on Spark streaming when the pipeline is built (see {@link #SPARK_STREAMING_LIMIT}).
 */
public final class MeasureStopWaits extends PTransform<PCollection<Arrival>, PCollection<StopWaitRow>> {
  /**
   * Seen in the runner matrix (TransitContract): on Spark streaming the stop-wait windows fired
   * with the first arrivals only and the rest were dropped as late.
   */
  public static final String SPARK_STREAMING_LIMIT = "SparkRunner limit: MeasureStopWaits (and"
      + " MeasureCellStats, which uses it) cannot run in a Spark streaming job. Spark streaming keeps"
      + " one watermark for the whole job and no watermark holds (apache/beam#23129), so a stop-wait"
      + " window fires before DetectArrivals' sessions, which close a session gap after a bus's last"
      + " report, release its arrivals; those are then dropped as late and the waits come out wrong."
      + " Run it on Spark in batch (--mode=reprocess), or stream it on Flink or Direct.";

  // package-private: TransitLoop computes the same waits with them
  final Map<String, List<Headways.Visit>> schedule;
  private final Duration window;
  final Duration maxHeadway;
  final Duration dedupGap;
  private final Duration allowedLateness;

  private MeasureStopWaits(Map<String, List<Headways.Visit>> schedule, Duration window,
      Duration maxHeadway, Duration dedupGap, Duration allowedLateness) {
    if (window.getMillis() <= 0 || maxHeadway.getMillis() <= 0 || dedupGap.getMillis() < 0
        || dedupGap.isLongerThan(maxHeadway) || allowedLateness.getMillis() < 0) {
      throw new IllegalArgumentException("need window > 0, max headway > 0, "
          + "0 <= dedup gap <= max headway and allowed lateness >= 0");
    }
    this.schedule = schedule;
    this.window = window;
    this.maxHeadway = maxHeadway;
    this.dedupGap = dedupGap;
    this.allowedLateness = allowedLateness;
  }

  /** Stop waits against the schedule of {@code feed} on {@code serviceDate}; 1 h windows. */
  public static MeasureStopWaits create(GtfsFeed feed, LocalDate serviceDate) {
    return new MeasureStopWaits(schedule(feed, serviceDate), Duration.standardHours(1),
        Duration.standardHours(2), DetectArrivals.DEFAULT_SESSION_GAP, Duration.ZERO);
  }

  public MeasureStopWaits withWindow(Duration size) {
    return new MeasureStopWaits(schedule, size, maxHeadway, dedupGap, allowedLateness);
  }

  /** The longest gap between buses that still counts as a headway; bounds the carry. */
  public MeasureStopWaits withMaxHeadway(Duration max) {
    return new MeasureStopWaits(schedule, window, max, dedupGap, allowedLateness);
  }

  /** Arrivals of one trip at one stop closer than this are one arrival (the earliest). */
  public MeasureStopWaits withDedupGap(Duration gap) {
    return new MeasureStopWaits(schedule, window, maxHeadway, gap, allowedLateness);
  }

  /** How long after a window's end late arrivals still update it. */
  public MeasureStopWaits withAllowedLateness(Duration lateness) {
    return new MeasureStopWaits(schedule, window, maxHeadway, dedupGap, lateness);
  }

  static String key(String routeId, int directionId, String stopId) {
    return routeId + '\u001f' + directionId + '\u001f' + stopId;
  }

  /** Scheduled visits per (route, direction, stop), sorted by time then trip. */
  static Map<String, List<Headways.Visit>> schedule(GtfsFeed feed, LocalDate date) {
    long dayStart = ZonedDateTime.of(date, LocalTime.NOON, feed.timeZone()).minusHours(12)
        .toInstant().toEpochMilli();
    Map<String, List<Headways.Visit>> visits = new HashMap<>();
    for (StopTime st : feed.stopTimes()) {
      Trip trip = feed.trips().get(st.tripId());
      if (trip == null) {
        continue;
      }
      visits.computeIfAbsent(key(trip.routeId(), trip.directionId(), st.stopId()),
              k -> new ArrayList<>())
          .add(new Headways.Visit(dayStart + st.arrivalSeconds() * 1000L, st.tripId()));
    }
    Comparator<Headways.Visit> order =
        Comparator.comparingLong(Headways.Visit::time).thenComparing(Headways.Visit::tripId);
    Map<String, List<Headways.Visit>> sorted = new HashMap<>();
    visits.forEach((k, v) -> {
      v.sort(order);
      sorted.put(k, List.copyOf(v));
    });
    return sorted;
  }

  @Override
  public PCollection<StopWaitRow> expand(PCollection<Arrival> arrivals) {
    if (Runners.isSparkStreaming(arrivals.getPipeline().getOptions())) {
      throw new UnsupportedOperationException(SPARK_STREAMING_LIMIT);
    }
    Coder<Arrival> arrivalCoder = DetectArrivals.arrivalCoder(arrivals.getPipeline());
    return arrivals
        .apply("Carry into later windows", ParDo.of(new Carry(window, maxHeadway)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), arrivalCoder))
        .apply("Window", EventTimeWindows.fixed(window, allowedLateness))
        .apply("Group by stop", GroupByKey.create())
        .apply("Measure", ParDo.of(new WaitOfWindow(schedule, maxHeadway, dedupGap)));
  }

  /**
   * Keys an arrival by (route, direction, stop) and copies it into its own window and each later
   * window starting at most the max headway after it, stamped at the end of the target window.
   */
  static final class Carry extends DoFn<Arrival, KV<String, Arrival>> {
    private final long window;
    private final long reach;

    Carry(Duration window, Duration maxHeadway) {
      this.window = window.getMillis();
      this.reach = maxHeadway.getMillis();
    }

    @ProcessElement
    public void process(@Element Arrival a, @Timestamp Instant timestamp,
        OutputReceiver<KV<String, Arrival>> out) {
      KV<String, Arrival> keyed = KV.of(key(a.getRouteId(), a.getDirectionId(), a.getStopId()), a);
      EventTimeWindows.startsUpTo(a.getArrivalTime(), window, reach).forEach(start -> {
        long stamp = start + window - 1;
        if (stamp >= timestamp.getMillis()) { // a late pane's copy cannot move back in time
          out.outputWithTimestamp(keyed, new Instant(stamp));
        }
      });
    }
  }

  /** The stop_wait row of one stop and window from the arrivals carried into it. */
  static final class WaitOfWindow extends DoFn<KV<String, Iterable<Arrival>>, StopWaitRow> {
    private final SerializedOnce<Map<String, List<Headways.Visit>>> schedule;
    private final long maxHeadway;
    private final long dedupGap;

    WaitOfWindow(Map<String, List<Headways.Visit>> schedule, Duration maxHeadway, Duration dedupGap) {
      this.schedule = SerializedOnce.of(schedule);
      this.maxHeadway = maxHeadway.getMillis();
      this.dedupGap = dedupGap.getMillis();
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Arrival>> stop, IntervalWindow w,
        OutputReceiver<StopWaitRow> out) {
      StopWaitRow row = measure(w.start().getMillis(), w.end().getMillis(), stop.getValue(),
          schedule.get().get(stop.getKey()), maxHeadway, dedupGap);
      if (row != null) {
        out.output(row);
      }
    }

    /**
     * The row of one stop for the window [start, end) from the arrivals carried into it and the
     * stop's scheduled visits (null: none), or null when no arrival is in the window itself.
     */
    static StopWaitRow measure(long start, long end, Iterable<Arrival> carried, List<Headways.Visit> planned,
        long maxHeadway, long dedupGap) {
      List<Arrival> all = new ArrayList<>();
      carried.forEach(all::add);
      all.sort(DetectArrivals.Earliest.ORDER.thenComparing(Arrival::getTripId));
      Map<String, Long> lastKept = new HashMap<>();
      List<Headways.Visit> visits = new ArrayList<>();
      long inWindow = 0;
      Arrival any = null;
      for (Arrival a : all) {
        Long last = lastKept.get(a.getTripId());
        if (last != null && a.getArrivalTime() - last < Math.max(dedupGap, 1)) {
          continue; // a duplicate, or the same visit seen again
        }
        lastKept.put(a.getTripId(), a.getArrivalTime());
        visits.add(new Headways.Visit(a.getArrivalTime(), a.getTripId()));
        if (a.getArrivalTime() >= start && a.getArrivalTime() < end) {
          inWindow++;
          any = a;
        }
      }
      if (any == null) {
        return null; // only carried arrivals: no row
      }
      visits.sort(Comparator.comparingLong(Headways.Visit::time).thenComparing(Headways.Visit::tripId));
      Double expected = Headways.expectedWaitSeconds(visits, start, end, maxHeadway);
      Double scheduled = planned == null ? null
          : Headways.expectedWaitSeconds(planned, start, end, maxHeadway);
      Double excess = expected == null || scheduled == null ? null : expected - scheduled;
      return new StopWaitRow(any.getRouteId(), any.getDirectionId(), any.getStopId(), start,
          end, inWindow, expected, scheduled, excess);
    }
  }
}
