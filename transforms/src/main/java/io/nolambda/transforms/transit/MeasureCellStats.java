package io.nolambda.transforms.transit;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.transforms.EventTimeWindows;
import io.nolambda.transforms.InvalidEvent;
import io.nolambda.transforms.correlation.Correlation;
import io.nolambda.transforms.correlation.PearsonCorrelationFn;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;

/**
 * Incidents, excess wait and bus speed per region cell and window (default 1 h), and their
 * Pearson correlations per UTC day (DESIGN.md 4, correlation); see {@link CellStatsRow} and
 * {@link CorrelationRow}.
 *
 * <p>From the city stream: incidents are the distinct OPENED incident events (311 and 911) by the
 * cell of their coordinates; excess_wait_s is the mean EWT of the stop_wait rows (from {@link
 * DetectArrivals} and {@link MeasureStopWaits}) of stops in the cell that have one; mean_speed_mps
 * comes from {@link MeasureBusSpeed} with the same cells. A row is emitted for each cell and window
 * with any of the three. Correlations are computed over the rows of the day that have both
 * measures, for the pairs (incidents, excess_wait_s), (incidents, mean_speed_mps) and
 * (mean_speed_mps, excess_wait_s), by the mergeable {@link PearsonCorrelationFn}.
 *
 * <p>Outputs: {@link #CELL_STATS}, {@link #CORRELATIONS}, {@link #STOP_WAITS} (the stop_wait rows
 * the EWT comes from, for their own serving table) and {@link #INVALID} (incidents without
 * coordinates, and the dead letters of arrival detection and speed: a bus position both refuse,
 * e.g. one without coordinates, is there twice, once per reason). Metrics under this class:
 * incidents_in = incidents_valid + invalid; CLOSED incidents are counted in incidents_closed and
 * skipped. No allowed lateness: the windows fire once, when the watermark passes them.
 *
 * <p>Refused on Spark streaming, as {@link MeasureStopWaits} is.
 */
public final class MeasureCellStats extends PTransform<PCollection<CityEvent>, PCollectionTuple> {
  public static final TupleTag<CellStatsRow> CELL_STATS = new TupleTag<>() {};
  public static final TupleTag<CorrelationRow> CORRELATIONS = new TupleTag<>() {};
  public static final TupleTag<StopWaitRow> STOP_WAITS = new TupleTag<>() {};
  public static final TupleTag<InvalidEvent> INVALID = new TupleTag<>() {};
  private static final TupleTag<KV<String, Part>> INCIDENTS = new TupleTag<>() {};
  /** Correlations are per UTC day. */
  static final Duration CORRELATION_WINDOW = Duration.standardDays(1);

  // package-private: TransitLoop computes the same rows with them
  final GtfsFeed feed;
  final DetectArrivals detectArrivals;
  final MeasureStopWaits stopWaits;
  final Cells cells;
  final Duration window;

  private MeasureCellStats(GtfsFeed feed, DetectArrivals detectArrivals, MeasureStopWaits stopWaits,
      Cells cells, Duration window) {
    this.feed = feed;
    this.detectArrivals = detectArrivals;
    this.stopWaits = stopWaits;
    this.cells = cells;
    this.window = window;
  }

  /**
   * Cell stats against the schedule of {@code feed} on {@code serviceDate}; 1 h windows, arrivals
   * and stop waits with their defaults.
   */
  public static MeasureCellStats create(GtfsFeed feed, LocalDate serviceDate, Cells cells) {
    return new MeasureCellStats(feed, DetectArrivals.create(feed),
        MeasureStopWaits.create(feed, serviceDate), cells, Duration.standardHours(1));
  }

  /** The window of the cells and of the stop waits in them. */
  public MeasureCellStats withWindow(Duration size) {
    return new MeasureCellStats(feed, detectArrivals, stopWaits, cells, size);
  }

  /** Arrival detection with other parameters (it must use the same feed). */
  public MeasureCellStats withArrivals(DetectArrivals detect) {
    return new MeasureCellStats(feed, detect, stopWaits, cells, window);
  }

  /** Stop waits with other parameters; their window is replaced by this transform's. */
  public MeasureCellStats withStopWaits(MeasureStopWaits waits) {
    return new MeasureCellStats(feed, detectArrivals, waits, cells, window);
  }

  /** One contribution to a cell's window: an incident, a stop's EWT or the cell's speed. */
  record Part(int kind, String id, String source, double value) implements Serializable {
    static final int INCIDENT = 0;
    static final int EWT = 1;
    static final int SPEED = 2;
  }

  @Override
  public PCollectionTuple expand(PCollection<CityEvent> events) {
    SerializableCoder<Part> partCoder = SerializableCoder.of(Part.class);
    KvCoder<String, Part> keyed = KvCoder.of(StringUtf8Coder.of(), partCoder);

    PCollectionTuple incidents = events.apply("Incidents by cell",
        ParDo.of(new IncidentCells(cells)).withOutputTags(INCIDENTS, TupleTagList.of(INVALID)));
    PCollectionTuple arrivals = events.apply("Arrivals", detectArrivals);
    PCollection<StopWaitRow> waits = arrivals.get(DetectArrivals.ARRIVALS)
        .apply("Stop waits", stopWaits.withWindow(window));
    PCollectionTuple speeds = events.apply("Speeds",
        MeasureBusSpeed.create().withCells(cells).withWindow(window));

    PCollection<KV<String, Part>> ewt = waits.apply("EWT by cell", ParDo.of(new EwtCells(stopCells(feed, cells))))
        .setCoder(keyed);
    PCollection<KV<String, Part>> speed = speeds.get(MeasureBusSpeed.SPEEDS)
        .apply("Speed by cell", ParDo.of(new SpeedCells())).setCoder(keyed);

    // the same windows on every input (the rows already carry their window's end as timestamp)
    PCollection<CellStatsRow> rows = PCollectionList
        .of(incidents.get(INCIDENTS).setCoder(keyed)
            .apply("Window incidents", EventTimeWindows.fixed(window, Duration.ZERO)))
        .and(ewt.apply("Window EWT", EventTimeWindows.fixed(window, Duration.ZERO)))
        .and(speed.apply("Window speed", EventTimeWindows.fixed(window, Duration.ZERO)))
        .apply("Flatten parts", Flatten.pCollections())
        .apply("Group by cell", GroupByKey.create())
        .apply("Cell stats", ParDo.of(new ToCellStats()));

    PCollection<CorrelationRow> correlations = rows
        .apply("Pairs", ParDo.of(new Pairs()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(DoubleCoder.of(), DoubleCoder.of())))
        .apply("Per day", Window.into(FixedWindows.of(CORRELATION_WINDOW)))
        .apply("Pearson", Combine.perKey(new PearsonCorrelationFn()))
        .apply("To rows", ParDo.of(new ToCorrelationRow()));

    PCollection<InvalidEvent> invalid = PCollectionList.of(incidents.get(INVALID))
        .and(arrivals.get(DetectArrivals.INVALID)).and(speeds.get(MeasureBusSpeed.INVALID))
        .apply("Flatten dead letters", Flatten.pCollections());
    return PCollectionTuple.of(CELL_STATS, rows).and(CORRELATIONS, correlations)
        .and(STOP_WAITS, waits).and(INVALID, invalid);
  }

  /** The cell of each stop of the feed, by stop id. */
  static Map<String, String> stopCells(GtfsFeed feed, Cells cells) {
    Map<String, String> stopCells = new HashMap<>();
    for (Stop stop : feed.stops().values()) {
      stopCells.put(stop.stopId(), cells.cellOf(stop.lat(), stop.lon()));
    }
    return stopCells;
  }

  static final class IncidentCells extends DoFn<CityEvent, KV<String, Part>> {
    private final Cells cells;
    private final Counter in = Metrics.counter(MeasureCellStats.class, "incidents_in");
    private final Counter valid = Metrics.counter(MeasureCellStats.class, "incidents_valid");
    private final Counter closed = Metrics.counter(MeasureCellStats.class, "incidents_closed");
    private final Counter invalid = Metrics.counter(MeasureCellStats.class, "invalid");

    IncidentCells(Cells cells) {
      this.cells = cells;
    }

    @ProcessElement
    public void process(@Element CityEvent event, MultiOutputReceiver out) {
      if (!(event.getPayload() instanceof CityIncident i)) {
        return;
      }
      in.inc();
      String reason = reason(i);
      if (reason != null) {
        invalid.inc();
        out.get(INVALID).output(new InvalidEvent(reason, i.getEventId(), CityEvents.kind(event)));
        return;
      }
      valid.inc();
      KV<String, Part> opened = opened(i, cells);
      if (opened == null) {
        closed.inc();
        return;
      }
      out.get(INCIDENTS).output(opened);
    }

    /** Why the incident cannot be placed in a cell, or null when it can. */
    static String reason(CityIncident i) {
      return i.getLat() == null || i.getLon() == null || Coordinates.missing(i.getLat(), i.getLon())
          ? "missing coordinates" : null;
    }

    /** A valid incident's part keyed by its cell when it is an opening, else null (a closing counts nowhere). */
    static KV<String, Part> opened(CityIncident i, Cells cells) {
      return i.getStatus() != IncidentStatus.OPENED ? null
          : KV.of(cells.cellOf(i.getLat(), i.getLon()), new Part(Part.INCIDENT, i.getEventId(), i.getSource(), 1));
    }
  }

  static final class EwtCells extends DoFn<StopWaitRow, KV<String, Part>> {
    private final Map<String, String> stopCells;

    EwtCells(Map<String, String> stopCells) {
      this.stopCells = stopCells;
    }

    @ProcessElement
    public void process(@Element StopWaitRow row, OutputReceiver<KV<String, Part>> out) {
      KV<String, Part> ewt = ewt(row, stopCells);
      if (ewt != null) {
        out.output(ewt);
      }
    }

    /** The row's EWT keyed by its stop's cell, or null when it has none or its stop no cell. */
    static KV<String, Part> ewt(StopWaitRow row, Map<String, String> stopCells) {
      String cell = stopCells.get(row.getStopId());
      return cell == null || row.getExcessWaitS() == null ? null
          : KV.of(cell, new Part(Part.EWT, MeasureStopWaits.key(row.getRouteId(), row.getDirectionId(),
              row.getStopId()), null, row.getExcessWaitS()));
    }
  }

  static final class SpeedCells extends DoFn<BusSpeedRow, KV<String, Part>> {
    @ProcessElement
    public void process(@Element BusSpeedRow row, OutputReceiver<KV<String, Part>> out) {
      out.output(speed(row.getCell(), row.getMeanSpeedMps()));
    }

    static KV<String, Part> speed(String cell, double meanSpeedMps) {
      return KV.of(cell, new Part(Part.SPEED, cell, null, meanSpeedMps));
    }
  }

  /** Distinct incidents by event id, the EWT of each stop once, the cell's speed. */
  static final class ToCellStats extends DoFn<KV<String, Iterable<Part>>, CellStatsRow> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Part>> cell, IntervalWindow w,
        OutputReceiver<CellStatsRow> out) {
      out.output(row(cell.getKey(), w.start().getMillis(), w.end().getMillis(), cell.getValue()));
    }

    /** The row of a cell for the window [start, end) from its parts. */
    static CellStatsRow row(String cell, long start, long end, Iterable<Part> parts) {
      Map<String, String> incidents = new TreeMap<>();
      Map<String, Double> ewt = new TreeMap<>();
      Double speed = null;
      for (Part p : parts) {
        switch (p.kind()) {
          case Part.INCIDENT -> incidents.put(p.id(), p.source());
          case Part.EWT -> ewt.put(p.id(), p.value());
          default -> speed = p.value();
        }
      }
      long n311 = incidents.values().stream().filter("311"::equals).count();
      long n911 = incidents.values().stream().filter("911"::equals).count();
      Double excess = null;
      if (!ewt.isEmpty()) {
        double sum = 0;
        for (double v : ewt.values()) {
          sum += v;
        }
        excess = sum / ewt.size();
      }
      return new CellStatsRow(cell, start, end, incidents.size(), n311, n911, excess, speed);
    }
  }

  /** The (x, y) pairs of a row, keyed by "x|y", for every pair of measures it has. */
  static final class Pairs extends DoFn<CellStatsRow, KV<String, KV<Double, Double>>> {
    @ProcessElement
    public void process(@Element CellStatsRow row, OutputReceiver<KV<String, KV<Double, Double>>> out) {
      pairs(row).forEach(out::output);
    }

    static List<KV<String, KV<Double, Double>>> pairs(CellStatsRow row) {
      List<KV<String, KV<Double, Double>>> pairs = new ArrayList<>();
      double incidents = row.getIncidents();
      if (row.getExcessWaitS() != null) {
        pairs.add(KV.of("incidents|excess_wait_s", KV.of(incidents, row.getExcessWaitS())));
      }
      if (row.getMeanSpeedMps() != null) {
        pairs.add(KV.of("incidents|mean_speed_mps", KV.of(incidents, row.getMeanSpeedMps())));
      }
      if (row.getExcessWaitS() != null && row.getMeanSpeedMps() != null) {
        pairs.add(KV.of("mean_speed_mps|excess_wait_s", KV.of(row.getMeanSpeedMps(), row.getExcessWaitS())));
      }
      return pairs;
    }
  }

  static final class ToCorrelationRow extends DoFn<KV<String, Correlation>, CorrelationRow> {
    @ProcessElement
    public void process(@Element KV<String, Correlation> c, IntervalWindow day,
        OutputReceiver<CorrelationRow> out) {
      out.output(row(day.start().getMillis(), c.getKey(), c.getValue()));
    }

    /** The row of a day's correlation of the pair "x|y". */
    static CorrelationRow row(long day, String pair, Correlation c) {
      String[] xy = pair.split("\\|");
      return new CorrelationRow(day, xy[0], xy[1], c.getN(), c.getR());
    }
  }
}
