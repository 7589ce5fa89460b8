package io.nolambda.testing.simulator;

import java.util.SplittableRandom;

/**
 * Derives one independent random stream per named part of the city from the single seed, so that
 * how much one part draws (more routes, more assets) never shifts what another part draws.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom rng(long seed, String key) {
    // FNV-1a over the key: specified and 64 bits wide, unlike String.hashCode.
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return new SplittableRandom(mix(seed ^ mix(h)));
  }

  /** SplitMix64's finalizer: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
