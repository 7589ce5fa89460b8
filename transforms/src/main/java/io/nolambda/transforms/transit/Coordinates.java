package io.nolambda.transforms.transit;

/** The position check the transit transforms share. */
final class Coordinates {
  private Coordinates() {}

  /**
   * True when a position is unusable: lat or lon not finite or out of range, or both zero (the
   * usual null island of a missing fix).
   */
  static boolean missing(double lat, double lon) {
    return !Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90
        || Math.abs(lon) > 180 || (lat == 0 && lon == 0);
  }
}
