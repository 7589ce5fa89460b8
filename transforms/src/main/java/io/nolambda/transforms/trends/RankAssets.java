package io.nolambda.transforms.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Scores every asset of one segment and window against its history (and profile, when given) and
 * outputs the top K rows. Each pane holds the segment's whole history for the window (accumulating
 * panes), so a late pane's rows are the complete new answer.
 */
final class RankAssets extends DoFn<KV<KV<String, Long>, Map<String, CountHistory>>, TrendingRow> {
  private final long minSupport;
  private final int topK;
  private final @Nullable PCollectionView<Map<String, HourProfile>> profiles;
  private final Counter lateRows = Metrics.counter(DetectTrends.class, "late_rows");

  RankAssets(long minSupport, int topK, @Nullable PCollectionView<Map<String, HourProfile>> profiles) {
    this.minSupport = minSupport;
    this.topK = topK;
    this.profiles = profiles;
  }

  @ProcessElement
  public void process(ProcessContext context, IntervalWindow window) {
    String segment = context.element().getKey().getKey();
    long start = window.start().getMillis();
    Map<String, HourProfile> byHour = profiles == null ? Map.of() : context.sideInput(profiles);
    int hourOfWeek = HourProfile.hourOfWeek(window.start());
    List<TrendingRow> candidates = new ArrayList<>();
    context.element().getValue().forEach((asset, history) -> {
      TrendingRow row = ScoreAssets.score(segment, asset, start, window.end().getMillis(), history, minSupport);
      if (row != null) {
        candidates.add(ScoreAssets.againstProfile(row, byHour.get(HourProfile.key(segment, asset, hourOfWeek))));
      }
    });
    boolean late = context.pane().getTiming() == PaneInfo.Timing.LATE;
    for (TrendingRow row : TopTrending.top(candidates, topK)) {
      if (late) {
        lateRows.inc();
      }
      context.output(row);
    }
  }
}
