package io.nolambda.testing.simulator;

import java.util.List;

/**
 * An injected trending burst: extra events of one asset in one segment, in consecutive trend windows
 * [startMillis, endMillis), aligned to the window size. The extra events come on top of the asset's
 * background traffic; their expected number per window is in {@code expectedCounts}.
 */
public record Burst(
    String assetId,
    Segment segment,
    long startMillis,
    long endMillis,
    long windowMillis,
    List<Double> expectedCounts) {

  public Burst {
    expectedCounts = List.copyOf(expectedCounts);
  }

  public int windows() {
    return expectedCounts.size();
  }
}
