package io.nolambda.transforms.transit;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.transforms.EventTimeWindows;
import io.nolambda.transforms.InvalidEvent;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SortedMapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;

/**
 * Mean bus speed per region cell and event-time window (default 1 h), the traffic proxy of the
 * correlation (DESIGN.md 4); see {@link BusSpeedRow}. The cell of a report comes from a
 * serializable {@link Cells} function (default a 0.01 degree grid).
 *
 * <p>Order-insensitive and idempotent: a Combine keeps each cell's reports by event id (a
 * redelivered report counts once) and sums them in id order, so the mean is a function of the set
 * of reports.
 *
 * <p>Outputs: {@link #SPEEDS} and {@link #INVALID} ("missing coordinates"; "bad speed": negative or
 * not finite). Reports without speed_mps are valid positions but say nothing of speed: they are
 * counted as no_speed and skipped. Metrics under this class: events_in (bus positions) =
 * events_valid + no_speed + invalid.
 */
public final class MeasureBusSpeed extends PTransform<PCollection<CityEvent>, PCollectionTuple> {
  public static final TupleTag<BusSpeedRow> SPEEDS = new TupleTag<>() {};
  public static final TupleTag<InvalidEvent> INVALID = new TupleTag<>() {};
  private static final TupleTag<KV<String, KV<String, Double>>> VALID = new TupleTag<>() {};

  private final Cells cells;
  private final Duration window;
  private final Duration allowedLateness;

  private MeasureBusSpeed(Cells cells, Duration window, Duration allowedLateness) {
    if (window.getMillis() <= 0 || allowedLateness.getMillis() < 0) {
      throw new IllegalArgumentException("need window > 0 and allowed lateness >= 0");
    }
    this.cells = cells;
    this.window = window;
    this.allowedLateness = allowedLateness;
  }

  /** 1 h windows over a 0.01 degree grid; no allowed lateness. */
  public static MeasureBusSpeed create() {
    return new MeasureBusSpeed(Cells.grid(0.01), Duration.standardHours(1), Duration.ZERO);
  }

  public MeasureBusSpeed withCells(Cells cellFunction) {
    return new MeasureBusSpeed(cellFunction, window, allowedLateness);
  }

  public MeasureBusSpeed withWindow(Duration size) {
    return new MeasureBusSpeed(cells, size, allowedLateness);
  }

  /** How long after a window's end late reports still update it; zero for Spark streaming. */
  public MeasureBusSpeed withAllowedLateness(Duration lateness) {
    return new MeasureBusSpeed(cells, window, lateness);
  }

  @Override
  public PCollectionTuple expand(PCollection<CityEvent> events) {
    PCollectionTuple checked = events.apply("Check and find cells",
        ParDo.of(new SpeedOfReport(cells)).withOutputTags(VALID, TupleTagList.of(INVALID)));
    PCollection<BusSpeedRow> rows = checked.get(VALID)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of())))
        .apply("Window", EventTimeWindows.fixed(window, allowedLateness))
        .apply("Mean per cell", Combine.perKey(new MeanOfDistinct()))
        .apply("To rows", ParDo.of(new ToRow()));
    return PCollectionTuple.of(SPEEDS, rows).and(INVALID, checked.get(INVALID));
  }

  /** Checks a report and keys its (event id, speed) by cell. */
  static final class SpeedOfReport extends DoFn<CityEvent, KV<String, KV<String, Double>>> {
    private final Cells cells;
    private final Counter eventsIn = Metrics.counter(MeasureBusSpeed.class, "events_in");
    private final Counter valid = Metrics.counter(MeasureBusSpeed.class, "events_valid");
    private final Counter noSpeed = Metrics.counter(MeasureBusSpeed.class, "no_speed");
    private final Counter invalid = Metrics.counter(MeasureBusSpeed.class, "invalid");

    SpeedOfReport(Cells cells) {
      this.cells = cells;
    }

    @ProcessElement
    public void process(@Element CityEvent event, MultiOutputReceiver out) {
      if (!(event.getPayload() instanceof BusPosition p)) {
        return;
      }
      eventsIn.inc();
      String reason = reason(p);
      if (reason != null) {
        invalid.inc();
        out.get(INVALID).output(new InvalidEvent(reason, p.getEventId(), CityEvents.kind(event)));
        return;
      }
      if (p.getSpeedMps() == null) {
        noSpeed.inc();
        return;
      }
      valid.inc();
      out.get(VALID).output(KV.of(cells.cellOf(p.getLat(), p.getLon()), KV.of(p.getEventId(), p.getSpeedMps())));
    }

    /** Why the report cannot be used, or null when it can (with or without a speed). */
    static String reason(BusPosition p) {
      if (Coordinates.missing(p.getLat(), p.getLon())) {
        return "missing coordinates";
      }
      Double speed = p.getSpeedMps();
      return speed != null && !(speed >= 0 && Double.isFinite(speed)) ? "bad speed" : null;
    }
  }

  /**
   * Mean over distinct event ids, summed in id order so the result never depends on merges. The
   * accumulator is sorted by id, also after decoding (SortedMapCoder).
   */
  static final class MeanOfDistinct
      extends Combine.CombineFn<KV<String, Double>, SortedMap<String, Double>, KV<Double, Long>> {
    @Override
    public SortedMap<String, Double> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public SortedMap<String, Double> addInput(SortedMap<String, Double> acc, KV<String, Double> report) {
      acc.put(report.getKey(), report.getValue());
      return acc;
    }

    @Override
    public SortedMap<String, Double> mergeAccumulators(Iterable<SortedMap<String, Double>> accumulators) {
      SortedMap<String, Double> merged = new TreeMap<>();
      accumulators.forEach(merged::putAll);
      return merged;
    }

    @Override
    public KV<Double, Long> extractOutput(SortedMap<String, Double> acc) {
      return KV.of(mean(acc), (long) acc.size());
    }

    /** The mean of the speeds by event id, in id order (natural String order), summed in that order (0 for none). */
    static double mean(SortedMap<String, Double> speedsById) {
      double sum = 0;
      for (double v : speedsById.values()) {
        sum += v;
      }
      return speedsById.isEmpty() ? 0 : sum / speedsById.size();
    }

    @Override
    public Coder<SortedMap<String, Double>> getAccumulatorCoder(CoderRegistry registry,
        Coder<KV<String, Double>> inputCoder) {
      return SortedMapCoder.of(StringUtf8Coder.of(), DoubleCoder.of());
    }

    @Override
    public Coder<KV<Double, Long>> getDefaultOutputCoder(CoderRegistry registry,
        Coder<KV<String, Double>> inputCoder) {
      return KvCoder.of(DoubleCoder.of(), org.apache.beam.sdk.coders.VarLongCoder.of());
    }
  }

  static final class ToRow extends DoFn<KV<String, KV<Double, Long>>, BusSpeedRow> {
    @ProcessElement
    public void process(@Element KV<String, KV<Double, Long>> cell, IntervalWindow w,
        OutputReceiver<BusSpeedRow> out) {
      out.output(new BusSpeedRow(cell.getKey(), w.start().getMillis(), w.end().getMillis(),
          cell.getValue().getKey(), cell.getValue().getValue()));
    }
  }
}
