package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the 311 and 911 incidents of a run: Poisson arrivals over the run, a category by source, a
 * uniformly chosen cell and point in it, and a log-normal time to close (311 requests stay open
 * longer than 911 responses). The street is blocked for a shorter log-normal time from the report:
 * responders clear the lane long before the record is closed. Empty when incidents are disabled.
 */
final class IncidentPlanner {
  private static final double SHARE_911 = 0.3;
  private static final String[] CATEGORIES_311 = {
    "Illegal Parking", "Blocked Driveway", "Street Condition", "Traffic Signal Condition",
    "Noise - Street/Sidewalk", "Street Light Condition", "Water Main Break"
  };
  private static final double[] SHARES_311 = {0.25, 0.10, 0.20, 0.15, 0.15, 0.10, 0.05};
  private static final String[] CATEGORIES_911 = {
    "Traffic Collision", "Medical Emergency", "Vehicle Fire", "Structure Fire", "Police Activity"
  };
  private static final double[] SHARES_911 = {0.45, 0.25, 0.10, 0.10, 0.10};
  private static final double MEAN_OPEN_MINUTES_311 = 60;
  private static final double MEAN_OPEN_MINUTES_911 = 30;
  private static final double OPEN_SIGMA = 0.5;
  private static final long MIN_OPEN_MILLIS = 60_000;
  private static final double MEAN_BLOCKED_MINUTES = 15;

  private IncidentPlanner() {}

  static List<Incident> plan(SimulatorConfig config, CityGrid grid) {
    List<Incident> incidents = new ArrayList<>();
    if (!config.incidentsEnabled() || config.incidentsPerHour() == 0) {
      return incidents;
    }
    SplittableRandom rng = Seeds.rng(config.seed(), "incidents");
    double meanGap = 3_600_000 / config.incidentsPerHour();
    double t = config.startMillis() + Draw.exponential(rng, meanGap);
    while (t < config.endMillis()) {
      boolean is911 = rng.nextDouble() < SHARE_911;
      String category = is911
          ? CATEGORIES_911[Draw.pick(rng, SHARES_911)]
          : CATEGORIES_311[Draw.pick(rng, SHARES_311)];
      double x = (rng.nextInt(grid.columns()) + rng.nextDouble()) * grid.cellMeters();
      double y = (rng.nextInt(grid.rows()) + rng.nextDouble()) * grid.cellMeters();
      double meanMinutes = is911 ? MEAN_OPEN_MINUTES_911 : MEAN_OPEN_MINUTES_311;
      long open = (long) t;
      long close = open + Math.max(MIN_OPEN_MILLIS,
          Math.round(Draw.logNormal(rng, meanMinutes * 60_000, OPEN_SIGMA)));
      long clear = Math.min(close,
          open + Math.round(Draw.logNormal(rng, MEAN_BLOCKED_MINUTES * 60_000, OPEN_SIGMA)));
      String source = is911 ? "911" : "311";
      double lat = grid.lat(y);
      double lon = grid.lon(x);
      incidents.add(new Incident(String.format("%s-%06d", source, incidents.size() + 1), source,
          category, lat, lon, grid.cellIdAt(lat, lon), open, clear, close));
      t += Draw.exponential(rng, meanGap);
    }
    return incidents;
  }
}
