package io.nolambda.pipelines.parking;

import io.nolambda.events.CityEvent;
import io.nolambda.io.cassandra.ServingTable;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.WriteServingOutputs;
import io.nolambda.transforms.parking.MeasureParkingOccupancy;
import io.nolambda.transforms.parking.OccupancyRow;
import io.nolambda.transforms.parking.ParkingOccupancyLoop;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * Parking occupancy: parking events from the source the options name, time-weighted occupancy per
 * zone and window, upserted into the {@code occupancy} serving table keyed by zone, newest window
 * first. One code path for live and reprocessing runs.
 */
public final class ParkingPipeline {
  public static final ServingTable TABLE = ServingTable.of("occupancy",
      WriteServingOutputs.schemaOf(OccupancyRow.class), List.of("zone_id"), List.of("window_start")).withNewestFirst();

  public static final List<String> KINDS = List.of("ParkingEvent");

  private ParkingPipeline() {}

  /** A zone's state at T is its last event before T, unless older than the staleness horizon. */
  public static Duration lookBack(ParkingOptions options) {
    return staleAfter(options);
  }

  public static Pipeline create(ParkingOptions options) {
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple occupancy = pipeline
        .apply("Read parking events", ReadEvents.of(options, KINDS).withLookBack(lookBack(options)))
        .apply("Measure occupancy", measure(options));
    WriteServingOutputs.write(occupancy, MeasureParkingOccupancy.OCCUPANCY, MeasureParkingOccupancy.INVALID, TABLE,
        "parking", options);
    return pipeline;
  }

  /** Occupancy as the options say. */
  static MeasureParkingOccupancy measure(ParkingOptions options) {
    return MeasureParkingOccupancy.create()
        .withWindow(window(options))
        .withStaleAfter(staleAfter(options));
  }

  /**
   * The rows a run with these options writes, computed in memory by a plain loop (see {@link
   * ParkingOccupancyLoop}); the options are read now.
   */
  public static Function<Iterable<CityEvent>, List<OccupancyRow>> loop(ParkingOptions options) {
    Duration window = window(options);
    Duration staleAfter = staleAfter(options);
    return events -> ParkingOccupancyLoop.measure(events, window, staleAfter);
  }

  private static Duration window(ParkingOptions options) {
    return Duration.standardSeconds(options.getOccupancyWindowSeconds());
  }

  private static Duration staleAfter(ParkingOptions options) {
    return Duration.standardSeconds(options.getStaleAfterSeconds());
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(ParkingOptions.class);
    create(PipelineOptionsFactory.fromArgs(args).withValidation().as(ParkingOptions.class)).run().waitUntilFinish();
  }
}
