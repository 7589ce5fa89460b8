package io.nolambda.transforms.transit;

import java.util.List;

/**
 * The wait formula shared by observed and scheduled arrivals. A visit's headway is the time since
 * the latest earlier visit of a different trip (visits sorted by time, then trip id), counted only
 * when at most the max headway: a longer gap (the first bus of the day, a service break) is not a
 * headway, which also makes the result independent of how far back the carried history reaches.
 */
final class Headways {
  record Visit(long time, String tripId) implements java.io.Serializable {}

  private Headways() {}

  /** sum(h^2) / (2 sum(h)) in seconds over the headways ending in [start, end), or null. */
  static Double expectedWaitSeconds(List<Visit> sorted, long start, long end, long maxHeadway) {
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Visit b = sorted.get(i);
      if (b.time() < start || b.time() >= end) {
        continue;
      }
      for (int j = i - 1; j >= 0; j--) {
        Visit a = sorted.get(j);
        if (!a.tripId().equals(b.tripId())) {
          long h = b.time() - a.time();
          if (h <= maxHeadway) {
            double seconds = h / 1000.0;
            sum += seconds;
            sumSquares += seconds * seconds;
          }
          break;
        }
      }
    }
    return sum > 0 ? sumSquares / (2 * sum) : null;
  }
}
