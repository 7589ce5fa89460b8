package io.nolambda.transforms.trends;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.TimestampedValue;

/**
 * The trend metric of DESIGN.md 4 computed directly in memory, for comparing with the transform:
 * distinct events per (segment, asset, window), baseline over the previous N windows with missing
 * windows 0, top K by score then asset id among counts >= min support.
 */
final class ReferenceTrends {
  private ReferenceTrends() {}

  static List<TrendingRow> rows(List<TimestampedValue<CityEvent>> events, long w, int n, int k,
      long minSupport) {
    Map<List<String>, Map<Long, Set<String>>> ids = new HashMap<>();
    for (TimestampedValue<CityEvent> tv : events) {
      AssetEvent e = (AssetEvent) tv.getValue().getPayload();
      long window = Math.floorDiv(e.getEventTime(), w);
      for (String segment : List.of("all", "os:" + e.getOs(), "region:" + e.getRegion())) {
        ids.computeIfAbsent(List.of(segment, e.getAssetId()), x -> new HashMap<>())
            .computeIfAbsent(window, x -> new HashSet<>()).add(e.getEventId());
      }
    }
    Map<List<Object>, List<TrendingRow>> bySegmentWindow = new HashMap<>();
    ids.forEach((key, byWindow) -> byWindow.forEach((window, set) -> {
      long count = set.size();
      if (count < minSupport) {
        return;
      }
      long sum = 0;
      long squares = 0;
      for (long past = window - n; past < window; past++) {
        long c = byWindow.getOrDefault(past, Set.of()).size();
        sum += c;
        squares += c * c;
      }
      double mean = (double) sum / n;
      double stddev = Math.sqrt((double) (n * squares - sum * sum)) / n;
      double score = (count - mean) / Math.max(stddev, 1);
      bySegmentWindow.computeIfAbsent(List.of(key.get(0), window), x -> new ArrayList<>())
          .add(new TrendingRow(key.get(0), window * w, (window + 1) * w, 0, key.get(1), count, mean,
              stddev, score));
    }));
    List<TrendingRow> out = new ArrayList<>();
    for (List<TrendingRow> candidates : bySegmentWindow.values()) {
      candidates.sort(Comparator.comparingDouble(TrendingRow::getScore).reversed()
          .thenComparing(TrendingRow::getAssetId));
      for (int i = 0; i < Math.min(k, candidates.size()); i++) {
        out.add(candidates.get(i).withRank(i + 1));
      }
    }
    return out;
  }
}
