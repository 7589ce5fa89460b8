package io.nolambda.transforms.trends;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Scores an asset in a window against its baseline: mean = sum / N and the population variance of
 * the N history counts, empty windows counting 0; score = (count - mean) / max(stddev, 1). Assets
 * under the minimum support are not candidates. Output is keyed by segment, rank still unset (0).
 *
 * <p>Where a historical profile of the window's hour of the week exists, the score is the smaller of
 * the two z-scores (against the recent windows and against the profile): an asset trends only when
 * it is unusual both for the last minutes and for this hour of a usual week, so a spike that
 * recurs every Monday morning is not news. The row keeps the recent mean and stddev.
 */
final class ScoreAssets extends DoFn<KV<KV<String, String>, CountHistory>, KV<String, TrendingRow>> {
  private final long minSupport;
  private final @Nullable PCollectionView<Map<String, HourProfile>> profiles;

  ScoreAssets(long minSupport, @Nullable PCollectionView<Map<String, HourProfile>> profiles) {
    this.minSupport = minSupport;
    this.profiles = profiles;
  }

  @ProcessElement
  public void process(ProcessContext context, IntervalWindow window) {
    KV<KV<String, String>, CountHistory> element = context.element();
    String segment = element.getKey().getKey();
    String asset = element.getKey().getValue();
    TrendingRow row = score(segment, asset, window.start().getMillis(), window.end().getMillis(), element.getValue(),
        minSupport);
    if (row == null) {
      return;
    }
    if (profiles != null) {
      HourProfile p = context.sideInput(profiles)
          .get(HourProfile.key(segment, asset, HourProfile.hourOfWeek(window.start())));
      if (p != null) {
        row = row.withScore(Math.min(row.getScore(), (row.getCount() - p.getMean()) / Math.max(p.getStddev(), 1)));
      }
    }
    context.output(KV.of(segment, row));
  }

  /** The asset's unranked row for the window [start, end) against its recent history, or null under the minimum support. */
  static TrendingRow score(String segment, String asset, long start, long end, CountHistory h, long minSupport) {
    long count = h.current();
    if (count < minSupport) {
      return null;
    }
    int n = h.history();
    long sum = h.historySum();
    double mean = n == 0 ? 0 : (double) sum / n;
    double stddev = n == 0 ? 0 : Math.sqrt((double) (n * h.historySumOfSquares() - sum * sum)) / n;
    double score = (count - mean) / Math.max(stddev, 1);
    return new TrendingRow(segment, start, end, 0, asset, count, mean, stddev, score);
  }
}
