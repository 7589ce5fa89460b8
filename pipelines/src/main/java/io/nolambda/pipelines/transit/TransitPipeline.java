package io.nolambda.pipelines.transit;

import io.nolambda.events.CityEvent;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.io.cassandra.ServingTable;
import io.nolambda.io.importers.GtfsImporter;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.WriteServingOutputs;
import io.nolambda.transforms.transit.BusLatestRow;
import io.nolambda.transforms.transit.CellStatsRow;
import io.nolambda.transforms.transit.Cells;
import io.nolambda.transforms.transit.CorrelationRow;
import io.nolambda.transforms.transit.DetectArrivals;
import io.nolambda.transforms.transit.KeepLatestPositions;
import io.nolambda.transforms.transit.MeasureCellStats;
import io.nolambda.transforms.transit.MeasureStopWaits;
import io.nolambda.transforms.transit.StopWaitRow;
import io.nolambda.transforms.transit.TransitLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * Transit: bus positions and city incidents from the source the options name, measured against
 * the GTFS timetable of one service date, upserted into four serving tables: {@code stop_wait}
 * (arrivals, expected, scheduled and excess wait per route, direction and stop, newest window
 * first), {@code cell_stats} (incidents, excess wait and bus speed per cell, newest window first),
 * {@code correlation} (Pearson r per UTC day and pair of measures) and {@code bus_latest} (see
 * {@link KeepLatestPositions}: the latest positions per bus, newest first, expiring after
 * --busLatestTtlSeconds). Events the transforms refuse go to the dead letters of step "transit".
 *
 * <p>The service date is a required option, not derived from the data: a streaming run cannot look
 * at its data first, and the transforms measure against one day's timetable (the feed is
 * restricted to that day's trips, so positions of trips of other days are dead letters, "unknown
 * trip"). A live deployment runs one job per service day; a reprocessing run gives the day's
 * positions and incidents with the day's date. One code path for live and reprocessing runs.
 */
public final class TransitPipeline {
  public static final ServingTable STOP_WAIT = ServingTable.of("stop_wait",
      WriteServingOutputs.schemaOf(StopWaitRow.class), List.of("route_id", "direction_id", "stop_id"),
      List.of("window_start")).withNewestFirst();
  public static final ServingTable CELL_STATS = ServingTable.of("cell_stats",
      WriteServingOutputs.schemaOf(CellStatsRow.class), List.of("cell"), List.of("window_start")).withNewestFirst();
  public static final ServingTable CORRELATION = ServingTable.of("correlation",
      WriteServingOutputs.schemaOf(CorrelationRow.class), List.of("day"), List.of("x", "y"));

  public static final String BUS_LATEST = "bus_latest";

  public static final List<String> KINDS = List.of("BusPosition", "CityIncident");

  private TransitPipeline() {}

  /** bus_latest: a partition per bus, newest position first, rows expiring after {@code ttlSeconds}. */
  public static ServingTable busLatest(int ttlSeconds) {
    return ServingTable.of(BUS_LATEST, WriteServingOutputs.schemaOf(BusLatestRow.class), List.of("vehicle_id"),
        List.of("event_time")).withNewestFirst().withTtlSeconds(ttlSeconds);
  }

  /** A headway at T reaches back to the previous arrival at the stop, at most the longest headway before T. */
  public static Duration lookBack(TransitOptions options) {
    return Duration.standardSeconds(options.getMaxHeadwaySeconds());
  }

  public static Pipeline create(TransitOptions options) {
    LocalDate day = serviceDate(options);
    GtfsFeed feed = feed(options, day);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<CityEvent> events = pipeline
        .apply("Read positions and incidents", ReadEvents.of(options, KINDS).withLookBack(lookBack(options)));
    PCollectionTuple transit = events.apply("Measure stop waits and cells", measure(options, feed, day));
    WriteServingOutputs.write(transit, MeasureCellStats.STOP_WAITS, MeasureCellStats.INVALID, STOP_WAIT,
        "transit", options);
    WriteServingOutputs.writeRows(transit.get(MeasureCellStats.CELL_STATS), CELL_STATS, options);
    WriteServingOutputs.writeRows(transit.get(MeasureCellStats.CORRELATIONS), CORRELATION, options);
    WriteServingOutputs.writeRows(events.apply("Keep latest positions", keepLatest(options)),
        busLatest(options.getBusLatestTtlSeconds()), options);
    return pipeline;
  }

  /** Arrivals, stop waits, speeds, cell stats and correlations as the options say. */
  static MeasureCellStats measure(TransitOptions options, GtfsFeed feed, LocalDate day) {
    Duration sessionGap = Duration.standardSeconds(options.getArrivalSessionGapSeconds());
    return MeasureCellStats.create(feed, day, Cells.grid(options.getCellDegrees()))
        .withWindow(Duration.standardSeconds(options.getTransitWindowSeconds()))
        .withArrivals(DetectArrivals.create(feed)
            .withRadiusMetres(options.getArrivalRadiusMetres())
            .withSessionGap(sessionGap))
        .withStopWaits(MeasureStopWaits.create(feed, day)
            .withMaxHeadway(Duration.standardSeconds(options.getMaxHeadwaySeconds()))
            .withDedupGap(sessionGap)); // one visit of a trip is one arrival, as in DetectArrivals
  }

  /** The rows a run with these options writes, computed in memory by a plain loop (see {@link TransitLoop}). */
  public static TransitLoop loop(TransitOptions options) {
    LocalDate day = serviceDate(options);
    return new TransitLoop(measure(options, feed(options, day), day), keepLatest(options));
  }

  static KeepLatestPositions keepLatest(TransitOptions options) {
    return KeepLatestPositions.create()
        .withLatest(options.getBusLatestPositions())
        .withWindow(Duration.standardSeconds(options.getBusLatestWindowSeconds()));
  }

  static LocalDate serviceDate(TransitOptions options) {
    String date = options.getServiceDate();
    if (date == null) {
      throw new IllegalArgumentException("--serviceDate=YYYY-MM-DD is required: the day whose timetable to measure");
    }
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--serviceDate=" + date + " is not a YYYY-MM-DD date", e);
    }
  }

  /** The feed restricted to the trips of the service date. */
  static GtfsFeed feed(TransitOptions options, LocalDate day) {
    String zip = options.getGtfs();
    if (zip == null) {
      throw new IllegalArgumentException("--gtfs=ZIP is required: the GTFS static feed of the service date");
    }
    GtfsFeed feed;
    try {
      feed = new GtfsImporter().read(Path.of(zip), day).feed();
    } catch (IOException e) {
      throw new IllegalArgumentException("--gtfs=" + zip + " is not a readable GTFS feed: " + e.getMessage(), e);
    }
    if (feed.trips().isEmpty()) {
      throw new IllegalArgumentException("--gtfs=" + zip + " has no trips on --serviceDate=" + day);
    }
    return feed;
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(TransitOptions.class);
    create(PipelineOptionsFactory.fromArgs(args).withValidation().as(TransitOptions.class)).run().waitUntilFinish();
  }
}
