package io.nolambda.transforms.transit;

import io.nolambda.events.CityEvent;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.transforms.InvalidEvent;
import java.util.Comparator;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.Sessions;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;

/**
 * Bus positions to arrivals (DESIGN.md 4): the arrival of a trip at a stop is its first STOPPED_AT
 * report at the stop or its first report within 30 m of the stop, whichever is earlier. The trip's
 * stops, route and direction come from the GTFS feed given at construction (the service day's
 * feed; it is serialized with the transform, as a compact index).
 *
 * <p>Order-insensitive without timers (DESIGN.md 5, 6): qualifying reports are keyed by (trip,
 * stop), grouped in event-time sessions and the earliest (by time, then event id) is the arrival,
 * so the result is a function of the set of reports. Redelivered reports change nothing. A session
 * ends after a gap (default 30 min) without qualifying reports, so a trip that comes back to a
 * stop later (a loop, or the same trip id on another service day) arrives again; a bus dwelling at
 * a stop gives one arrival. On-time arrivals carry the timestamp of their arrival time (the session's earliest).
 *
 * <p>Outputs: {@link #ARRIVALS} and {@link #INVALID} (see {@link ArrivalCandidates} for the
 * reasons). Events of other kinds are ignored. Metrics under this class: events_in (bus
 * positions) = events_valid + invalid; arrivals (arrivals emitted, late refirings included).
 *
 * <p>With allowed lateness, a late report earlier than a trip's first one refires its session
 * with the corrected (earlier) arrival; {@link MeasureStopWaits} keeps the earliest arrival of a
 * trip within the session gap, so the stale one does not count twice. A late pane is not stamped
 * at the arrival time but at its session's end (seen on the direct runner: a late report at 18 min
 * of a session on time at 20 min gave a pane stamped at 49:59.999), and {@link MeasureStopWaits}
 * cannot move a copy back in time, so a corrected arrival misses the stop-wait windows that end
 * before its session does: with lateness the rows
 * converge to the on-time
 * answer plus what the late data can still reach, not to the batch answer. The default (and
 * Spark streaming's only) setting is no lateness, where streaming and batch rows are identical
 * (tested with shuffled input).
 */
public final class DetectArrivals extends PTransform<PCollection<CityEvent>, PCollectionTuple> {
  public static final TupleTag<Arrival> ARRIVALS = new TupleTag<>() {};
  public static final TupleTag<InvalidEvent> INVALID = new TupleTag<>() {};
  private static final TupleTag<KV<String, Arrival>> CANDIDATES = new TupleTag<>() {};

  /** DESIGN.md 4: a report within 30 m of a stop is at the stop. */
  public static final double DEFAULT_RADIUS_METRES = 30;
  public static final Duration DEFAULT_SESSION_GAP = Duration.standardMinutes(30);

  // package-private: TransitLoop computes the same arrivals with them
  final TripIndex index;
  final double radius;
  final Duration gap;
  private final Duration allowedLateness;

  private DetectArrivals(TripIndex index, double radius, Duration gap, Duration allowedLateness) {
    if (!(radius >= 0) || gap.getMillis() <= 0 || allowedLateness.getMillis() < 0) {
      throw new IllegalArgumentException("need radius >= 0, gap > 0 and allowed lateness >= 0");
    }
    this.index = index;
    this.radius = radius;
    this.gap = gap;
    this.allowedLateness = allowedLateness;
  }

  /** Arrivals of the trips of this feed: 30 m radius, 30 min session gap, no allowed lateness. */
  public static DetectArrivals create(GtfsFeed feed) {
    return new DetectArrivals(new TripIndex(feed), DEFAULT_RADIUS_METRES, DEFAULT_SESSION_GAP,
        Duration.ZERO);
  }

  public DetectArrivals withRadiusMetres(double metres) {
    return new DetectArrivals(index, metres, gap, allowedLateness);
  }

  /** How long without qualifying reports ends a trip's visit of a stop. */
  public DetectArrivals withSessionGap(Duration sessionGap) {
    return new DetectArrivals(index, radius, sessionGap, allowedLateness);
  }

  /** How long after a session's end late reports still update it; zero for Spark streaming. */
  public DetectArrivals withAllowedLateness(Duration lateness) {
    return new DetectArrivals(index, radius, gap, lateness);
  }

  static Coder<Arrival> arrivalCoder(org.apache.beam.sdk.Pipeline pipeline) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(Arrival.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public PCollectionTuple expand(PCollection<CityEvent> events) {
    Coder<Arrival> arrivalCoder = arrivalCoder(events.getPipeline());
    PCollectionTuple checked = events.apply("Check and find candidates",
        ParDo.of(new ArrivalCandidates(index, radius, CANDIDATES, INVALID))
            .withOutputTags(CANDIDATES, TupleTagList.of(INVALID)));
    PCollection<Arrival> arrivals = checked.get(CANDIDATES)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), arrivalCoder))
        .apply("Sessions per trip and stop", Window.<KV<String, Arrival>>into(Sessions.withGapDuration(gap))
            .triggering(AfterWatermark.pastEndOfWindow()
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(allowedLateness)
            .accumulatingFiredPanes()
            .withTimestampCombiner(TimestampCombiner.EARLIEST))
        .apply("Group by trip and stop", GroupByKey.create())
        .apply("Earliest", ParDo.of(new Earliest()))
        .setCoder(arrivalCoder);
    return PCollectionTuple.of(ARRIVALS, arrivals).and(INVALID, checked.get(INVALID));
  }

  /** The earliest candidate of a session, by time then event id. */
  static final class Earliest extends DoFn<KV<String, Iterable<Arrival>>, Arrival> {
    static final Comparator<Arrival> ORDER =
        Comparator.comparingLong(Arrival::getArrivalTime).thenComparing(Arrival::getEventId);
    private final Counter arrivals = Metrics.counter(DetectArrivals.class, "arrivals");

    @ProcessElement
    public void process(@Element KV<String, Iterable<Arrival>> visit, OutputReceiver<Arrival> out) {
      arrivals.inc();
      out.output(earliest(visit.getValue())); // stamped with the session's earliest report: its arrival time
    }

    static Arrival earliest(Iterable<Arrival> session) {
      Arrival first = null;
      for (Arrival a : session) {
        if (first == null || ORDER.compare(a, first) < 0) {
          first = a;
        }
      }
      return first;
    }
  }
}
