package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the trending bursts. Each takes a different asset from the long tail (popularity rank past
 * the top 10 %, so a multiplied rate stays a modest number of events), a segment (all, one os or one
 * region, equally likely), and a start aligned to the trend window, at least N history windows into
 * the run so a detector has its full baseline. Starts are spread over the run, one per equal slot.
 *
 * <p>Expected extra events in burst window k (from 0) are
 * {@code strength * 2^k * max(1, expected background count of the asset in the segment)}: the floor
 * lifts rare assets over the minimum support, and the doubling keeps the z-score high even though
 * the earlier burst windows enter the baseline.
 */
final class BurstPlanner {
  private BurstPlanner() {}

  static List<Burst> plan(SimulatorConfig config, AssetCatalog catalog) {
    List<Burst> bursts = new ArrayList<>();
    if (config.bursts() == 0 || config.assetEventsPerSecond() == 0) {
      return bursts;
    }
    SplittableRandom rng = Seeds.rng(config.seed(), "assets/bursts");
    long w = config.trendWindowMillis();
    long firstStart = (Math.floorDiv(config.startMillis() - 1, w) + 1 + config.trendHistoryWindows())
        * w;
    long lastEnd = Math.floorDiv(config.endMillis(), w) * w;
    int startWindows = (int) ((lastEnd - firstStart) / w) - config.burstWindows() + 1;

    int tail = catalog.assets() / 10;
    int[] ranks = new int[catalog.assets() - tail];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = tail + i;
    }
    for (int b = 0; b < config.bursts(); b++) {
      int j = b + rng.nextInt(ranks.length - b); // partial Fisher-Yates: distinct assets
      int rank = ranks[j];
      ranks[j] = ranks[b];
      ranks[b] = rank;

      int slotFrom = (int) ((long) b * startWindows / config.bursts());
      int slotTo = Math.max(slotFrom + 1, (int) ((long) (b + 1) * startWindows / config.bursts()));
      long start = firstStart + (slotFrom + rng.nextInt(slotTo - slotFrom)) * w;

      Segment segment = switch (rng.nextInt(3)) {
        case 0 -> Segment.ALL;
        case 1 -> Segment.os(AssetCatalog.OS[rng.nextInt(AssetCatalog.OS.length)]);
        default -> Segment.region(AssetCatalog.REGIONS[rng.nextInt(AssetCatalog.REGIONS.length)]);
      };
      double background = config.assetEventsPerSecond() * w / 1000.0 * catalog.share(rank)
          * AssetCatalog.segmentShare(segment);
      List<Double> expected = new ArrayList<>();
      for (int k = 0; k < config.burstWindows(); k++) {
        expected.add(config.burstStrength() * (1 << k) * Math.max(1, background));
      }
      bursts.add(new Burst(catalog.assetId(rank), segment, start,
          start + config.burstWindows() * w, w, expected));
    }
    return bursts;
  }
}
