package io.nolambda.testing.simulator;

import java.util.SplittableRandom;

/** The extra events of one burst: a Poisson process whose rate steps up at each trend window. */
final class BurstSource implements PartGenerator {
  private final Burst burst;
  private final AssetCatalog catalog;
  private final SplittableRandom rng;
  private int window;
  private double next;

  BurstSource(Burst burst, AssetCatalog catalog, SplittableRandom rng) {
    this.burst = burst;
    this.catalog = catalog;
    this.rng = rng;
    this.next = burst.startMillis() + gap();
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    while (window < burst.windows()) {
      double windowEnd = burst.startMillis() + (window + 1.0) * burst.windowMillis();
      if (next >= windowEnd) {
        // Memoryless: restarting the draw at the window edge with the new rate is exact.
        window++;
        if (window < burst.windows()) {
          next = windowEnd + gap();
        }
      } else if (next < untilMillis) {
        long millis = (long) next;
        out.add(millis, catalog.event(millis, burst.assetId(), burst.segment(), rng));
        next += gap();
      } else {
        return;
      }
    }
  }

  private double gap() {
    return Draw.exponential(rng, burst.windowMillis() / burst.expectedCounts().get(window));
  }
}
