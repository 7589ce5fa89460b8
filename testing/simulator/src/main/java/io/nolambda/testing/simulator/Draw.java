package io.nolambda.testing.simulator;

import java.util.SplittableRandom;

/**
 * Random draws from the distributions the city uses. Built on StrictMath so that the same seed gives
 * the same bits on every JVM and CPU (Math.log and friends may differ in the last ulp).
 */
final class Draw {
  private Draw() {}

  static double uniform(SplittableRandom rng, double low, double high) {
    return low + (high - low) * rng.nextDouble();
  }

  static double exponential(SplittableRandom rng, double mean) {
    return -mean * StrictMath.log(1.0 - rng.nextDouble());
  }

  /** Standard normal by Box-Muller; one value per call keeps the stream position simple. */
  static double normal(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
  }

  /** Log-normal with the given mean (not median), so callers reason in mean durations. */
  static double logNormal(SplittableRandom rng, double mean, double sigma) {
    return mean * StrictMath.exp(sigma * normal(rng) - sigma * sigma / 2.0);
  }

  /** Knuth's product method: exact, and fast for the small means used here (at most ~60). */
  static int poisson(SplittableRandom rng, double mean) {
    double limit = StrictMath.exp(-mean);
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  /** Index drawn with the given probabilities, which must sum to 1. */
  static int pick(SplittableRandom rng, double[] probabilities) {
    double u = rng.nextDouble();
    int last = probabilities.length - 1;
    for (int i = 0; i < last; i++) {
      u -= probabilities[i];
      if (u < 0) {
        return i;
      }
    }
    return last;
  }
}
