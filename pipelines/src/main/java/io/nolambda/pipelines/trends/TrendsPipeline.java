package io.nolambda.pipelines.trends;

import io.nolambda.events.CityEvent;
import io.nolambda.io.cassandra.ServingTable;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.WriteServingOutputs;
import io.nolambda.transforms.trends.DetectTrends;
import io.nolambda.transforms.trends.TrendingRow;
import io.nolambda.transforms.trends.TrendsLoop;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * Trending assets: asset events from the source the options name, top K per segment and window by
 * z-score, upserted into the {@code trending} serving table keyed by (segment, window_start) and
 * rank. One code path for live and reprocessing runs.
 */
public final class TrendsPipeline {
  /** The serving table: one partition per segment and window, rows by rank. */
  public static final ServingTable TABLE = ServingTable.of("trending", WriteServingOutputs.schemaOf(TrendingRow.class),
      List.of("segment", "window_start"), List.of("rank"));

  public static final List<String> KINDS = List.of("AssetEvent");

  private TrendsPipeline() {}

  public static Pipeline create(TrendsOptions options) {
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple trends = pipeline
        .apply("Read asset events", ReadEvents.of(options, KINDS).withLookBack(lookBack(options)))
        .apply("Detect trends", detect(options));
    WriteServingOutputs.write(trends, DetectTrends.TRENDING, DetectTrends.INVALID, TABLE, "trends", options);
    return pipeline;
  }

  /** Trend detection as the options say. */
  static DetectTrends detect(TrendsOptions options) {
    return DetectTrends.create()
        .withWindow(window(options))
        .withHistory(options.getHistoryWindows())
        .withTopK(options.getTopK())
        .withMinSupport(options.getMinSupport());
  }

  /**
   * The rows a run with these options writes, computed in memory by a plain loop (see {@link
   * TrendsLoop}); the options are read now.
   */
  public static Function<Iterable<CityEvent>, List<TrendingRow>> loop(TrendsOptions options) {
    Duration window = window(options);
    int history = options.getHistoryWindows();
    int topK = options.getTopK();
    long minSupport = options.getMinSupport();
    return events -> TrendsLoop.detect(events, window, history, topK, minSupport);
  }

  private static Duration window(TrendsOptions options) {
    return Duration.standardSeconds(options.getTrendWindowSeconds());
  }

  /** A window's baseline is the previous N windows: a range recomputed from T needs events from T - N windows. */
  public static Duration lookBack(TrendsOptions options) {
    return Duration.standardSeconds(options.getTrendWindowSeconds() * options.getHistoryWindows());
  }

  public static void main(String[] args) {
    PipelineOptionsFactory.register(TrendsOptions.class);
    create(PipelineOptionsFactory.fromArgs(args).withValidation().as(TrendsOptions.class)).run().waitUntilFinish();
  }
}
