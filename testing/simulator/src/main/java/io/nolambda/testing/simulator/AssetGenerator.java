package io.nolambda.testing.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Asset events: a homogeneous Poisson background over Zipf-popular assets, plus each burst's extra
 * events. Background and every burst draw from their own streams, so the background is the same
 * with or without bursts and a burst's events are exactly the difference.
 */
final class AssetGenerator implements PartGenerator {
  private final AssetCatalog catalog;
  private final SplittableRandom rng;
  private final double meanGapMillis;
  private double next;
  private final BurstSource[] bursts;

  AssetGenerator(SimulatorConfig config, AssetCatalog catalog, List<Burst> planned) {
    this.catalog = catalog;
    this.rng = Seeds.rng(config.seed(), "assets/background");
    this.meanGapMillis = 1000 / config.assetEventsPerSecond();
    this.next = config.assetEventsPerSecond() == 0
        ? Double.POSITIVE_INFINITY
        : config.startMillis() + Draw.exponential(rng, meanGapMillis);
    this.bursts = new BurstSource[planned.size()];
    for (int b = 0; b < bursts.length; b++) {
      bursts[b] = new BurstSource(planned.get(b), catalog,
          Seeds.rng(config.seed(), "assets/burst/" + b));
    }
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    while (next < untilMillis) {
      long millis = (long) next;
      out.add(millis, catalog.event(millis, rng));
      next += Draw.exponential(rng, meanGapMillis);
    }
    for (BurstSource burst : bursts) {
      burst.advance(untilMillis, out);
    }
  }
}
