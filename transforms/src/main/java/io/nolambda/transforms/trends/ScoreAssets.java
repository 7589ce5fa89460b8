package io.nolambda.transforms.trends;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Scores an asset in a window against its baseline: mean = sum / N and the population variance of
 * the N history counts, empty windows counting 0; score = (count - mean) / max(stddev, 1). Assets
 * under the minimum support are not candidates. The row's rank is still unset (0).
 *
 * <p>Where a historical profile of the window's hour of the week exists, the score is the smaller of
 * the two z-scores (against the recent windows and against the profile): an asset trends only when
 * it is unusual both for the last minutes and for this hour of a usual week, so a spike that
 * recurs every Monday morning is not news. The row keeps the recent mean and stddev.
 */
final class ScoreAssets {
  private ScoreAssets() {}

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

  /** The row scored also against the asset's profile of the window's hour of the week, where there is one. */
  static TrendingRow againstProfile(TrendingRow row, @Nullable HourProfile profile) {
    return profile == null ? row
        : row.withScore(Math.min(row.getScore(), (row.getCount() - profile.getMean()) / Math.max(profile.getStddev(), 1)));
  }
}
