package io.nolambda.testing.simulator;

/**
 * The daily pattern of parking demand: the fraction of spaces a zone tends towards at each time of
 * the (UTC) day, low at night and near full from late morning to afternoon, scaled per zone by its
 * demand factor and never planned above {@value #MAX_OCCUPANCY}.
 */
final class OccupancyProfile {
  static final double MAX_OCCUPANCY = 0.95;
  private static final long DAY_MILLIS = 86_400_000;
  private static final long HOUR_MILLIS = 3_600_000;
  /** At each full hour; linear in between. */
  private static final double[] HOURLY = {
    0.15, 0.12, 0.10, 0.10, 0.10, 0.12, 0.20, 0.40, 0.65, 0.80, 0.85, 0.87,
    0.88, 0.87, 0.85, 0.82, 0.75, 0.65, 0.55, 0.45, 0.35, 0.28, 0.22, 0.18
  };

  private OccupancyProfile() {}

  static double target(double demandFactor, long millis) {
    long ofDay = Math.floorMod(millis, DAY_MILLIS);
    int hour = (int) (ofDay / HOUR_MILLIS);
    double fraction = (ofDay % HOUR_MILLIS) / (double) HOUR_MILLIS;
    double p = HOURLY[hour] + (HOURLY[(hour + 1) % 24] - HOURLY[hour]) * fraction;
    return Math.min(MAX_OCCUPANCY, demandFactor * p);
  }

  /** The highest target of the day (the profile peaks at a full hour). */
  static double peak(double demandFactor) {
    double max = 0;
    for (double p : HOURLY) {
      max = Math.max(max, p);
    }
    return Math.min(MAX_OCCUPANCY, demandFactor * max);
  }

  /** The target averaged over a day, minute by minute. */
  static double dailyMean(double demandFactor) {
    double sum = 0;
    for (int minute = 0; minute < 1440; minute++) {
      sum += target(demandFactor, minute * 60_000L);
    }
    return sum / 1440;
  }
}
