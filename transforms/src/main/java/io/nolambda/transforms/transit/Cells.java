package io.nolambda.transforms.transit;

import java.io.Serializable;
import java.util.Locale;

/**
 * Maps a position to the id of its region cell (DESIGN.md 4, correlation). Any serializable
 * function will do: the simulator's grid, a geohash, or the square grid of {@link #grid}.
 */
@FunctionalInterface
public interface Cells extends Serializable {
  String cellOf(double lat, double lon);

  /**
   * A grid of cells {@code degrees} on a side, aligned at (0, 0); the id is {@code
   * g<degrees>:<row>:<column>}, e.g. {@code g0.01:3890:-7700}. 0.01 degree is about 1.1 km of
   * latitude.
   */
  static Cells grid(double degrees) {
    if (!(degrees > 0)) {
      throw new IllegalArgumentException("cell size must be positive: " + degrees);
    }
    String prefix = String.format(Locale.ROOT, "g%s:", Double.toString(degrees));
    return (lat, lon) -> prefix + (long) Math.floor(lat / degrees + 1e-9) + ":"
        + (long) Math.floor(lon / degrees + 1e-9);
  }
}
