package io.nolambda.transforms.parking;

import io.nolambda.events.CityEvent;
import io.nolambda.transforms.EventTimeWindows;
import io.nolambda.transforms.InvalidEvent;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;

/**
 * Parking occupancy (DESIGN.md 4) per zone and event-time window, from bay state changes and
 * facility counts; see {@link OccupancyRow} for the columns and {@link OccupancyOfWindow} for the
 * definitions of known state, arrivals and dwell.
 *
 * <p>Order-insensitive without timers (DESIGN.md 5, 6): the reports of each (zone, window) are
 * grouped and carried as lists into the windows they can affect ({@link CarryReports}), grouped
 * again per (zone, window) and measured from the sorted, deduplicated reports, so the row is a
 * function of the set of reports whatever their arrival order or bundling. The state before a
 * window start comes from the carried reports, stale after the horizon (default 2 h). Late reports
 * within the allowed lateness refire the windows they reach with the whole answer.
 *
 * <p>Outputs: {@link #OCCUPANCY} and {@link #INVALID}. Events of other kinds are ignored. Metrics
 * under this class: events_in (parking events) = events_valid (used) + invalid (dead letters);
 * late_rows (rows emitted in late panes).
 */
public final class MeasureParkingOccupancy extends PTransform<PCollection<CityEvent>, PCollectionTuple> {
  public static final TupleTag<OccupancyRow> OCCUPANCY = new TupleTag<>() {};
  public static final TupleTag<InvalidEvent> INVALID = new TupleTag<>() {};
  private static final TupleTag<KV<String, ParkingChange>> VALID = new TupleTag<>() {};

  private final Duration window;
  private final Duration horizon;
  private final Duration allowedLateness;

  private MeasureParkingOccupancy(Duration window, Duration horizon, Duration allowedLateness) {
    if (window.getMillis() <= 0 || horizon.getMillis() <= 0 || allowedLateness.getMillis() < 0) {
      throw new IllegalArgumentException("need window > 0, horizon > 0 and allowed lateness >= 0");
    }
    this.window = window;
    this.horizon = horizon;
    this.allowedLateness = allowedLateness;
  }

  /** DESIGN.md defaults: 5 min windows, state stale after 2 h; no allowed lateness. */
  public static MeasureParkingOccupancy create() {
    return new MeasureParkingOccupancy(Duration.standardMinutes(5), Duration.standardHours(2),
        Duration.ZERO);
  }

  public MeasureParkingOccupancy withWindow(Duration size) {
    return new MeasureParkingOccupancy(size, horizon, allowedLateness);
  }

  /** How long a unit's last report stays its known state. */
  public MeasureParkingOccupancy withStaleAfter(Duration staleHorizon) {
    return new MeasureParkingOccupancy(window, staleHorizon, allowedLateness);
  }

  /** How long after a window's end late reports still update it; zero for Spark streaming. */
  public MeasureParkingOccupancy withAllowedLateness(Duration lateness) {
    return new MeasureParkingOccupancy(window, horizon, lateness);
  }

  @Override
  public PCollectionTuple expand(PCollection<CityEvent> events) {
    PCollectionTuple checked = events.apply("Check and key by zone",
        ParDo.of(new ParkingChanges(VALID, INVALID)).withOutputTags(VALID, TupleTagList.of(INVALID)));
    PCollection<OccupancyRow> rows = checked.get(VALID)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new ParkingChange.Coder()))
        .apply("Window reports", EventTimeWindows.fixed(window, allowedLateness))
        .apply("Group reports by zone", GroupByKey.create())
        .apply("Carry into affected windows", ParDo.of(new CarryReports(window, horizon)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(new ParkingChange.Coder())))
        .apply("Window", EventTimeWindows.fixed(window, allowedLateness))
        .apply("Group by zone", GroupByKey.create())
        .apply("Measure", ParDo.of(new OccupancyOfWindow(horizon)));
    return PCollectionTuple.of(OCCUPANCY, rows).and(INVALID, checked.get(INVALID));
  }
}
