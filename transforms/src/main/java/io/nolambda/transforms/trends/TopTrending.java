package io.nolambda.transforms.trends;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The top K scored candidates of one segment and window, ranked 1..K by score descending, ties by
 * asset id ascending. An asset can arrive more than once when a late pane rescored it; its newest
 * score wins, found without arrival order: a newer pane never has a smaller count or mean (counts
 * only grow), so the version with the larger (count, mean) is the newest.
 */
final class TopTrending extends Combine.CombineFn<TrendingRow, Map<String, TrendingRow>, List<TrendingRow>> {
  static final Comparator<TrendingRow> RANKING =
      Comparator.comparingDouble(TrendingRow::getScore).reversed().thenComparing(TrendingRow::getAssetId);
  private static final Comparator<TrendingRow> NEWER =
      Comparator.comparingLong(TrendingRow::getCount).thenComparingDouble(TrendingRow::getMean);

  private final int k;
  private final Coder<TrendingRow> rowCoder;

  TopTrending(int k, Coder<TrendingRow> rowCoder) {
    this.k = k;
    this.rowCoder = rowCoder;
  }

  @Override
  public Map<String, TrendingRow> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, TrendingRow> addInput(Map<String, TrendingRow> acc, TrendingRow row) {
    acc.merge(row.getAssetId(), row, (a, b) -> NEWER.compare(a, b) >= 0 ? a : b);
    return acc;
  }

  @Override
  public Map<String, TrendingRow> mergeAccumulators(Iterable<Map<String, TrendingRow>> accumulators) {
    Map<String, TrendingRow> merged = createAccumulator();
    for (Map<String, TrendingRow> acc : accumulators) {
      acc.values().forEach(row -> addInput(merged, row));
    }
    return merged;
  }

  @Override
  public List<TrendingRow> extractOutput(Map<String, TrendingRow> acc) {
    return top(acc.values(), k);
  }

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

  @Override
  public Coder<Map<String, TrendingRow>> getAccumulatorCoder(CoderRegistry registry,
      Coder<TrendingRow> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), rowCoder);
  }

  @Override
  public Coder<List<TrendingRow>> getDefaultOutputCoder(CoderRegistry registry,
      Coder<TrendingRow> inputCoder) {
    return ListCoder.of(rowCoder);
  }
}
