package io.nolambda.testing.simulator;

import java.util.SplittableRandom;

/** Walker's alias method (Vose's construction): O(1) draws from a fixed discrete distribution. */
final class AliasTable {
  private final double[] keep;
  private final int[] alias;

  AliasTable(double[] weights) {
    int n = weights.length;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    keep = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      keep[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    // What is left is 1 up to rounding.
    while (largeCount > 0) {
      keep[large[--largeCount]] = 1;
    }
    while (smallCount > 0) {
      keep[small[--smallCount]] = 1;
    }
  }

  int sample(SplittableRandom rng) {
    int i = rng.nextInt(keep.length);
    return rng.nextDouble() < keep[i] ? i : alias[i];
  }
}
