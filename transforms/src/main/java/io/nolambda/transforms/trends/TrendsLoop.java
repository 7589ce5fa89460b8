package io.nolambda.transforms.trends;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.Duration;

/**
 * {@link DetectTrends}' rows (without a historical profile) computed by a plain single-threaded
 * loop over events in memory, without Beam: the same checks, distinct counts, carried history,
 * scores and top K, in hash maps. The benchmarks' baseline, and a check of the pipeline.
 */
public final class TrendsLoop {
  private TrendsLoop() {}

  private record Key(String segment, String asset) {}

  public static List<TrendingRow> detect(Iterable<CityEvent> events, Duration window, int history, int topK,
      long minSupport) {
    long size = window.getMillis();
    Map<Key, Map<Long, Set<String>>> ids = new HashMap<>();
    for (CityEvent event : events) {
      if (event.getPayload() instanceof AssetEvent asset && AssetSegments.reason(asset) == null) {
        long start = Math.floorDiv(asset.getEventTime(), size) * size;
        for (String segment : AssetSegments.segments(asset)) {
          ids.computeIfAbsent(new Key(segment, asset.getAssetId()), k -> new HashMap<>())
              .computeIfAbsent(start, s -> new HashSet<>()).add(asset.getEventId());
        }
      }
    }
    Map<String, Map<Long, List<TrendingRow>>> candidates = new HashMap<>();
    ids.forEach((key, windows) -> { // one key's histories at a time: all at once took gigabytes at 2M events
      Map<Long, CountHistory> byTarget = new HashMap<>();
      windows.forEach((start, set) -> {
        for (int offset = 0; offset <= history; offset++) { // carried into the window and the N after it
          byTarget.computeIfAbsent(start + offset * size, t -> new CountHistory(history)).add(offset, set.size());
        }
      });
      byTarget.forEach((start, h) -> {
        TrendingRow row = ScoreAssets.score(key.segment(), key.asset(), start, start + size, h, minSupport);
        if (row != null) {
          candidates.computeIfAbsent(key.segment(), s -> new HashMap<>())
              .computeIfAbsent(start, s -> new ArrayList<>()).add(row);
        }
      });
    });
    List<TrendingRow> rows = new ArrayList<>();
    candidates.values().forEach(windows -> windows.values().forEach(c -> rows.addAll(TopTrending.top(c, topK))));
    return rows;
  }
}
