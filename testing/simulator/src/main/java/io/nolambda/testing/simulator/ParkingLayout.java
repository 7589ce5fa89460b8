package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places the parking zones, each in its own randomly chosen cell: street blocks with a row of sensor
 * bays along the block's south curb, and car parks somewhere inside their block. Also derives the
 * mean dwell from the configured event rate: each stay makes two events (arrival and departure,
 * whether as a bay state change or a changed car park count), so over a day
 * {@code rate = 2 * sum(capacity * mean occupancy / dwell)}; street stays are shorter than car park
 * stays by the factors below.
 */
final class ParkingLayout {
  private static final double STREET_DWELL_FACTOR = 0.5;
  private static final double CAR_PARK_DWELL_FACTOR = 1.5;
  private static final double BAY_METERS = 6;
  private static final double CURB_MARGIN_METERS = 20;
  /** Bays lie beside the traffic lane, which is 5 m off the street's center line. */
  private static final double CURB_OFFSET_METERS = 8;

  private ParkingLayout() {}

  static List<ParkingZone> zones(SimulatorConfig config, CityGrid grid) {
    List<ParkingZone> zones = new ArrayList<>();
    if (config.parkingEventsPerSecond() == 0) {
      return zones;
    }
    SplittableRandom rng = Seeds.rng(config.seed(), "parking/layout");
    int[] cells = shuffledCells(grid, rng);
    int count = config.streetZones() + config.carParks();
    double[] demand = new double[count];
    int[] capacity = new int[count];
    double[] x = new double[count];
    double[] y = new double[count];
    double stayWeight = 0; // sum(capacity * mean occupancy / dwell factor)
    for (int z = 0; z < count; z++) {
      boolean street = z < config.streetZones();
      int column = cells[z] % grid.columns();
      int row = cells[z] / grid.columns();
      demand[z] = Draw.uniform(rng, 0.8, 1.1);
      if (street) {
        capacity[z] = config.baysPerZone();
        x[z] = (column + 0.5) * grid.cellMeters();
        y[z] = row * grid.cellMeters() + CURB_OFFSET_METERS;
      } else {
        capacity[z] = (int) Math.max(1, Math.round(
            config.carParkCapacity() * Draw.uniform(rng, 0.6, 1.4)));
        x[z] = (column + Draw.uniform(rng, 0.1, 0.9)) * grid.cellMeters();
        y[z] = (row + Draw.uniform(rng, 0.1, 0.9)) * grid.cellMeters();
      }
      stayWeight += capacity[z] * OccupancyProfile.dailyMean(demand[z])
          / (street ? STREET_DWELL_FACTOR : CAR_PARK_DWELL_FACTOR);
    }
    double baseDwellSeconds = 2 * stayWeight / config.parkingEventsPerSecond();
    for (int z = 0; z < count; z++) {
      boolean street = z < config.streetZones();
      double lat = grid.lat(y[z]);
      double lon = grid.lon(x[z]);
      String cellId = grid.cellIdAt(lat, lon);
      zones.add(new ParkingZone(
          street ? "block-" + cellId : String.format("carpark-%02d", z - config.streetZones() + 1),
          street ? ParkingZone.Kind.STREET_BLOCK : ParkingZone.Kind.CAR_PARK,
          capacity[z], lat, lon, cellId, demand[z],
          baseDwellSeconds * (street ? STREET_DWELL_FACTOR : CAR_PARK_DWELL_FACTOR),
          street ? bays(grid, "block-" + cellId, x[z], y[z], capacity[z]) : List.of()));
    }
    return zones;
  }

  private static int[] shuffledCells(CityGrid grid, SplittableRandom rng) {
    int[] cells = new int[grid.columns() * grid.rows()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = i;
    }
    for (int i = cells.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = cells[i];
      cells[i] = cells[j];
      cells[j] = swap;
    }
    return cells;
  }

  /** A row of bays centered on the block's curb, closer together if the block is short. */
  private static List<ParkingZone.Bay> bays(CityGrid grid, String zoneId, double centerX,
      double curbY, int count) {
    double spacing = Math.min(BAY_METERS, (grid.cellMeters() - 2 * CURB_MARGIN_METERS) / count);
    List<ParkingZone.Bay> bays = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      double x = centerX + (b - (count - 1) / 2.0) * spacing;
      bays.add(new ParkingZone.Bay(String.format("%s-b%02d", zoneId, b + 1), grid.lat(curbY),
          grid.lon(x)));
    }
    return bays;
  }
}
