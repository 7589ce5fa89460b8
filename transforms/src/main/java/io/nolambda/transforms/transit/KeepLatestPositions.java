package io.nolambda.transforms.transit;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.transforms.EventTimeWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SortedMapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Bus positions to bus_latest rows (DESIGN.md 4): per bus and event-time window (default 1 min),
 * the positions of its N latest distinct report times (default 10); of reports with the same time,
 * the one with the largest event id. A window's rows appear when the watermark passes its end, so
 * the window is the table's lag behind the buses: keep it short.
 *
 * <p>Portable and order-insensitive (DESIGN.md 5, 6): no state or timers, a windowed Combine keeps
 * a bounded map from report time to report, so the rows are a function of the set of reports and
 * a redelivered report changes nothing. The bound is per window: written into a table keyed by
 * (vehicle_id, event_time) newest first with a time-to-live, a bus has at most N rows per window
 * within the time-to-live, and a reader takes the N newest with {@code LIMIT N} (or the latest of
 * every bus with {@code PER PARTITION LIMIT 1}). Older rows expire rather than being deleted, since
 * knowing which rows are no longer among the latest would need state across windows.
 *
 * <p>Positions without usable coordinates are skipped (counted as no_coordinates; the transforms
 * that measure positions send them to the dead letters). Metrics under this class: positions_in =
 * positions_kept + no_coordinates.
 */
public final class KeepLatestPositions extends PTransform<PCollection<CityEvent>, PCollection<BusLatestRow>> {
  // package-private: TransitLoop keeps the same positions with them
  final int latest;
  final Duration window;

  private KeepLatestPositions(int latest, Duration window) {
    if (latest <= 0 || window.getMillis() <= 0) {
      throw new IllegalArgumentException("need latest > 0 and window > 0");
    }
    this.latest = latest;
    this.window = window;
  }

  /** The 10 latest positions per bus in 1 min windows. */
  public static KeepLatestPositions create() {
    return new KeepLatestPositions(10, Duration.standardMinutes(1));
  }

  /** How many positions per bus and window. */
  public KeepLatestPositions withLatest(int n) {
    return new KeepLatestPositions(n, window);
  }

  public KeepLatestPositions withWindow(Duration size) {
    return new KeepLatestPositions(latest, size);
  }

  @Override
  public PCollection<BusLatestRow> expand(PCollection<CityEvent> events) {
    Coder<BusLatestRow> rowCoder;
    try {
      rowCoder = events.getPipeline().getSchemaRegistry().getSchemaCoder(BusLatestRow.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    return events
        .apply("Positions by bus", ParDo.of(new ByBus()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), rowCoder)))
        .apply("Window", EventTimeWindows.fixed(window, Duration.ZERO))
        .apply("Latest per bus", Combine.perKey(new Latest(latest)))
        .apply("To rows", ParDo.of(new Flatten()))
        .setCoder(rowCoder);
  }

  /** Keys each usable position by vehicle, with its event id to choose among equal times. */
  static final class ByBus extends DoFn<CityEvent, KV<String, KV<String, BusLatestRow>>> {
    private final Counter in = Metrics.counter(KeepLatestPositions.class, "positions_in");
    private final Counter kept = Metrics.counter(KeepLatestPositions.class, "positions_kept");
    private final Counter noCoordinates = Metrics.counter(KeepLatestPositions.class, "no_coordinates");

    @ProcessElement
    public void process(@Element CityEvent event, OutputReceiver<KV<String, KV<String, BusLatestRow>>> out) {
      if (!(event.getPayload() instanceof BusPosition p)) {
        return;
      }
      in.inc();
      BusLatestRow row = row(p);
      if (row == null) {
        noCoordinates.inc();
        return;
      }
      kept.inc();
      out.output(KV.of(p.getVehicleId(), KV.of(p.getEventId(), row)));
    }

    /** The position as a row, or null when its coordinates are unusable. */
    static BusLatestRow row(BusPosition p) {
      return Coordinates.missing(p.getLat(), p.getLon()) ? null : new BusLatestRow(p.getVehicleId(),
          p.getEventTime(), p.getRouteId(), p.getTripId(), p.getLat(), p.getLon(), p.getSpeedMps(), p.getStopId());
    }
  }

  /** The N latest report times of a bus, each with its report of the largest event id. */
  static final class Latest extends Combine.CombineFn<KV<String, BusLatestRow>,
      SortedMap<Long, KV<String, BusLatestRow>>, List<BusLatestRow>> {
    private final int n;

    Latest(int n) {
      this.n = n;
    }

    @Override
    public SortedMap<Long, KV<String, BusLatestRow>> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public SortedMap<Long, KV<String, BusLatestRow>> addInput(SortedMap<Long, KV<String, BusLatestRow>> acc,
        KV<String, BusLatestRow> report) {
      keep(acc, report, n);
      return acc;
    }

    /** Adds a report (event id, row) to the bus's latest, keeping the {@code n} latest times. */
    static void keep(SortedMap<Long, KV<String, BusLatestRow>> latest, KV<String, BusLatestRow> report, int n) {
      latest.merge(report.getValue().getEventTime(), report,
          (a, b) -> a.getKey().compareTo(b.getKey()) >= 0 ? a : b);
      while (latest.size() > n) {
        latest.remove(latest.firstKey());
      }
    }

    @Override
    public SortedMap<Long, KV<String, BusLatestRow>> mergeAccumulators(
        Iterable<SortedMap<Long, KV<String, BusLatestRow>>> accumulators) {
      SortedMap<Long, KV<String, BusLatestRow>> merged = createAccumulator();
      for (SortedMap<Long, KV<String, BusLatestRow>> acc : accumulators) {
        acc.values().forEach(report -> addInput(merged, report));
      }
      return merged;
    }

    @Override
    public List<BusLatestRow> extractOutput(SortedMap<Long, KV<String, BusLatestRow>> acc) {
      return rows(acc);
    }

    static List<BusLatestRow> rows(SortedMap<Long, KV<String, BusLatestRow>> latest) {
      List<BusLatestRow> rows = new ArrayList<>();
      latest.values().forEach(report -> rows.add(report.getValue()));
      return rows;
    }

    @Override
    public Coder<SortedMap<Long, KV<String, BusLatestRow>>> getAccumulatorCoder(CoderRegistry registry,
        Coder<KV<String, BusLatestRow>> inputCoder) {
      return SortedMapCoder.of(VarLongCoder.of(), inputCoder);
    }

    @Override
    public Coder<List<BusLatestRow>> getDefaultOutputCoder(CoderRegistry registry,
        Coder<KV<String, BusLatestRow>> inputCoder) {
      return ListCoder.of(((KvCoder<String, BusLatestRow>) inputCoder).getValueCoder());
    }
  }

  static final class Flatten extends DoFn<KV<String, List<BusLatestRow>>, BusLatestRow> {
    @ProcessElement
    public void process(@Element KV<String, List<BusLatestRow>> bus, OutputReceiver<BusLatestRow> out) {
      bus.getValue().forEach(out::output);
    }
  }
}
