package io.nolambda.testing.simulator;

/**
 * A bus route: its two direction patterns, its headway and its fleet. Vehicles run blocks: vehicle
 * {@code i} leaves the first stop of direction 0 at every {@code K * headway} (epoch-aligned) with
 * {@code K mod vehicles == i}, and runs the return trip half a cycle later. The cycle is the smallest
 * multiple of the headway that fits both trips and both layovers.
 */
final class BusRoute {
  private static final long DAY_MILLIS = 86_400_000;

  final int index;
  final String routeId;
  final RoutePattern[] patterns;
  final long headwayMillis;
  final long cycleMillis;
  final int vehicles;

  BusRoute(int index, String routeId, RoutePattern outbound, RoutePattern inbound,
      long headwayMillis, long layoverMillis) {
    this.index = index;
    this.routeId = routeId;
    this.patterns = new RoutePattern[] {outbound, inbound};
    this.headwayMillis = headwayMillis;
    double runMillis =
        Math.max(outbound.scheduledRunSeconds(), inbound.scheduledRunSeconds()) * 1000;
    this.vehicles = (int) Math.ceil(2 * (runMillis + layoverMillis) / headwayMillis);
    this.cycleMillis = vehicles * headwayMillis;
  }

  /**
   * Offset of direction 1 departures from the direction 0 departure of the same block: half a
   * cycle, in whole seconds as GTFS times are.
   */
  long returnOffsetMillis() {
    return cycleMillis / 2000 * 1000;
  }

  String vehicleId(int vehicle) {
    return routeId + "-bus" + String.format("%02d", vehicle + 1);
  }

  /** Trips repeat daily, as in GTFS: the id names route, direction and departure time of day. */
  String tripId(int direction, long departureMillis) {
    long seconds = Math.floorMod(departureMillis, DAY_MILLIS) / 1000;
    return String.format("%s-%d-%02d%02d%02d", routeId, direction, seconds / 3600,
        seconds / 60 % 60, seconds % 60);
  }
}
