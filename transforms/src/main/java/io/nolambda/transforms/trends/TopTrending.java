package io.nolambda.transforms.trends;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The top K scored candidates of one segment and window, ranked 1..K by score descending, ties by asset id ascending. */
final class TopTrending {
  static final Comparator<TrendingRow> RANKING =
      Comparator.comparingDouble(TrendingRow::getScore).reversed().thenComparing(TrendingRow::getAssetId);

  private TopTrending() {}

  /** The K best of one segment and window's candidates (one row per asset), ranked. */
  static List<TrendingRow> top(Collection<TrendingRow> candidates, int k) {
    List<TrendingRow> sorted = new ArrayList<>(candidates);
    sorted.sort(RANKING);
    List<TrendingRow> top = new ArrayList<>();
    for (int i = 0; i < Math.min(k, sorted.size()); i++) {
      top.add(sorted.get(i).withRank(i + 1));
    }
    return top;
  }
}
