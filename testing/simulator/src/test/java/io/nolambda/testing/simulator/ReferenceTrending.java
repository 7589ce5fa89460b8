package io.nolambda.testing.simulator;

import io.nolambda.events.AssetEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A direct, unoptimized reading of the trend metric of DESIGN.md 4, for checking that the bursts
 * are findable: count per asset and window in a segment; baseline mean and (population) standard
 * deviation over the previous N windows, empty windows counting 0; score = (count - mean) /
 * max(stddev, 1); the top K by score among assets with count >= min support, ties by asset id.
 */
final class ReferenceTrending {
  static final int TOP_K = 10;
  static final int MIN_SUPPORT = 5;

  record Score(String assetId, long count, double mean, double stddev, double score) {}

  private final long windowMillis;
  private final int history;
  private final Map<String, Map<Long, Long>> counts = new HashMap<>();

  ReferenceTrending(List<AssetEvent> events, Segment segment, long windowMillis, int history) {
    this.windowMillis = windowMillis;
    this.history = history;
    for (AssetEvent e : events) {
      if (segment.matches(e)) {
        counts.computeIfAbsent(e.getAssetId(), a -> new HashMap<>())
            .merge(Math.floorDiv(e.getEventTime(), windowMillis), 1L, Long::sum);
      }
    }
  }

  long count(String assetId, long windowStart) {
    return counts.getOrDefault(assetId, Map.of()).getOrDefault(windowStart / windowMillis, 0L);
  }

  Score score(String assetId, long windowStart) {
    long window = windowStart / windowMillis;
    Map<Long, Long> byWindow = counts.getOrDefault(assetId, Map.of());
    double sum = 0;
    double squares = 0;
    for (long w = window - history; w < window; w++) {
      long c = byWindow.getOrDefault(w, 0L);
      sum += c;
      squares += (double) c * c;
    }
    double mean = sum / history;
    double stddev = Math.sqrt(Math.max(0, squares / history - mean * mean));
    long count = byWindow.getOrDefault(window, 0L);
    return new Score(assetId, count, mean, stddev, (count - mean) / Math.max(stddev, 1));
  }

  List<Score> top(long windowStart) {
    List<Score> candidates = new ArrayList<>();
    for (String asset : counts.keySet()) {
      Score s = score(asset, windowStart);
      if (s.count() >= MIN_SUPPORT) {
        candidates.add(s);
      }
    }
    candidates.sort(Comparator.comparingDouble(Score::score).reversed()
        .thenComparing(Score::assetId));
    return candidates.subList(0, Math.min(TOP_K, candidates.size()));
  }
}
