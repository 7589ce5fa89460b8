package io.nolambda.transforms.trends;

import io.nolambda.events.CityEvent;
import io.nolambda.transforms.EventTimeWindows;
import io.nolambda.transforms.InvalidEvent;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Trend detection (DESIGN.md 4): per segment ({@code all}, {@code os:<os>}, {@code region:<region>})
 * and event-time window, the top K assets by z-score of their count against their own baseline.
 *
 * <p>Order-insensitive without timers (DESIGN.md 5, 6): distinct event counts per (segment, asset,
 * window) by one Combine per asset and window ({@link CountPerSegment}), gathered into one map per
 * (segment, window); each map is carried into the N following windows; the carried maps of each
 * (segment, window) are grouped and folded into every asset's history, from which the assets are
 * scored and the top K ranked. The keys after the first Combine are (segment, window start), one
 * window per key (see {@link KeyBySegmentWindow}).
 * "Collect history" is a GroupByKey and then a fold of each group rather than a Combine.perKey on
 * purpose: Spark's batch runner runs a Combine.perKey as combineByKey, which keeps the accumulators
 * of all keys of a partition in memory at once (61 x ~500 counts per key: out of a 4 GB heap at 2M
 * events), while its GroupByKey sorts by key and window and hands each group over as a stream.
 * Every step is a function of the set of input events, so arrival order and bundling do not change
 * the rows. Late events within the allowed lateness refire every step with the whole answer.
 *
 * <p>Outputs: {@link #TRENDING} ({@link TrendingRow}) and {@link #INVALID} (asset events without
 * asset, os or region). Events of other kinds are ignored. Metrics under this class: events_in
 * (asset events) = events_valid (counted) + invalid (dead letters); late_rows (rows emitted in
 * late panes).
 *
 * <p>Optionally {@link #withProfile} adds the historical hour-of-week baseline as a side input;
 * see {@link ScoreAssets} for how it enters the score.
 */
public final class DetectTrends extends PTransform<PCollection<CityEvent>, PCollectionTuple> {
  public static final TupleTag<TrendingRow> TRENDING = new TupleTag<>() {};
  public static final TupleTag<InvalidEvent> INVALID = new TupleTag<>() {};
  static final TupleTag<KV<String, KV<String, List<String>>>> KEYED = new TupleTag<>() {};

  private final Duration window;
  private final int history;
  private final int topK;
  private final long minSupport;
  private final Duration allowedLateness;
  private final @Nullable PCollectionView<Map<String, HourProfile>> profiles;

  private DetectTrends(Duration window, int history, int topK, long minSupport,
      Duration allowedLateness, @Nullable PCollectionView<Map<String, HourProfile>> profiles) {
    if (window.getMillis() <= 0 || history < 0 || topK < 1 || minSupport < 1
        || allowedLateness.getMillis() < 0) {
      throw new IllegalArgumentException("need window > 0, history >= 0, top K >= 1,"
          + " min support >= 1 and allowed lateness >= 0");
    }
    this.window = window;
    this.history = history;
    this.topK = topK;
    this.minSupport = minSupport;
    this.allowedLateness = allowedLateness;
    this.profiles = profiles;
  }

  /** DESIGN.md defaults: 5 s windows, N = 60, top 10, min support 5; no allowed lateness. */
  public static DetectTrends create() {
    return new DetectTrends(Duration.standardSeconds(5), 60, 10, 5, Duration.ZERO, null);
  }

  public DetectTrends withWindow(Duration size) {
    return new DetectTrends(size, history, topK, minSupport, allowedLateness, profiles);
  }

  /** N, the previous windows the baseline is computed over. */
  public DetectTrends withHistory(int windows) {
    return new DetectTrends(window, windows, topK, minSupport, allowedLateness, profiles);
  }

  public DetectTrends withTopK(int k) {
    return new DetectTrends(window, history, k, minSupport, allowedLateness, profiles);
  }

  /** The least count in the window for an asset to be ranked. */
  public DetectTrends withMinSupport(long count) {
    return new DetectTrends(window, history, topK, count, allowedLateness, profiles);
  }

  /** How long after a window's end late events still update it; zero for Spark streaming. */
  public DetectTrends withAllowedLateness(Duration lateness) {
    return new DetectTrends(window, history, topK, minSupport, lateness, profiles);
  }

  /**
   * Also scores against the historical profile of each window's hour of the week, where one
   * exists; build the view with {@link HourProfile#asView}.
   */
  public DetectTrends withProfile(PCollectionView<Map<String, HourProfile>> hourProfiles) {
    return new DetectTrends(window, history, topK, minSupport, allowedLateness, hourProfiles);
  }

  @Override
  public PCollectionTuple expand(PCollection<CityEvent> events) {
    Coder<TrendingRow> rowCoder;
    try {
      rowCoder = events.getPipeline().getSchemaRegistry().getSchemaCoder(TrendingRow.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    PCollectionTuple keyed = events.apply("Key by segment and asset",
        ParDo.of(new AssetSegments(INVALID)).withOutputTags(KEYED, TupleTagList.of(INVALID)));

    PCollection<TrendingRow> trending = keyed.get(KEYED)
        .apply("Window", EventTimeWindows.<KV<String, KV<String, List<String>>>>fixed(window, allowedLateness))
        .apply("Count", Combine.perKey(new CountPerSegment()))
        .apply("Key by segment and window", ParDo.of(new KeyBySegmentWindow()))
        .apply("Gather segment counts", Combine.perKey(new SegmentCounts()))
        .apply("Carry into next windows", ParDo.of(new CarryCounts(window, history)))
        .apply("Rewindow", EventTimeWindows.fixed(window, allowedLateness))
        .apply("Group history", GroupByKey.create())
        .apply("Collect history", Combine.groupedValues(new CollectHistory(history)))
        .apply("Rank", profiles == null
            ? ParDo.of(new RankAssets(minSupport, topK, null))
            : ParDo.of(new RankAssets(minSupport, topK, profiles)).withSideInputs(profiles))
        .setCoder(rowCoder);
    return PCollectionTuple.of(TRENDING, trending).and(INVALID, keyed.get(INVALID));
  }
}
