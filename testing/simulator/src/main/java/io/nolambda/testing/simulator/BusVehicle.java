package io.nolambda.testing.simulator;

import io.nolambda.events.BusPosition;
import io.nolambda.events.VehicleStatus;
import java.util.SplittableRandom;

/**
 * One bus working its block all day: alternate trips in both directions, each planned when it
 * starts. It reports its position every min..max report interval and, like an AVL unit's door event,
 * once on arriving at each stop, so every stop visit has a STOPPED_AT report at the true arrival.
 * It starts one cycle before the run so it enters the run mid-trip with a realistic delay; reports
 * before the run are dropped.
 */
final class BusVehicle implements PartGenerator {
  static final long TURNAROUND_MILLIS = 60_000;
  static final double GPS_SIGMA_METERS = 3;
  static final double INCOMING_METERS = 100;

  private final BusRoute route;
  private final String vehicleId;
  private final TripPlanner planner;
  private final CityGrid grid;
  private final SplittableRandom rng;
  private final long runStart;
  private final long minInterval;
  private final long maxInterval;
  private long nextOutbound;
  private int nextDirection;
  private double readyMillis = Double.NEGATIVE_INFINITY;
  private TripPlan trip;
  private int phase;
  private boolean arrivalReported;
  private long nextReport;

  BusVehicle(BusRoute route, int vehicle, TripPlanner planner, CityGrid grid,
      SimulatorConfig config, SplittableRandom rng) {
    this.route = route;
    this.vehicleId = route.vehicleId(vehicle);
    this.planner = planner;
    this.grid = grid;
    this.rng = rng;
    this.runStart = config.startMillis();
    this.minInterval = config.minReportIntervalMillis();
    this.maxInterval = config.maxReportIntervalMillis();
    long k = Math.floorDiv(runStart - route.cycleMillis, route.headwayMillis);
    k -= Math.floorMod(k - vehicle, route.vehicles);
    this.nextOutbound = k * route.headwayMillis;
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    while (true) {
      if (trip == null || phase == trip.size) {
        startNextTrip();
      }
      if (trip.kind[phase] == TripPlan.DWELL && !arrivalReported) {
        long arrival = (long) Math.ceil(trip.start[phase]);
        if (arrival >= untilMillis) {
          return;
        }
        report(arrival, out);
        arrivalReported = true;
        nextReport = arrival + interval();
      } else if (nextReport < trip.end[phase]) {
        if (nextReport >= untilMillis) {
          return;
        }
        report(nextReport, out);
        nextReport += interval();
      } else {
        phase++;
        arrivalReported = false;
      }
    }
  }

  private void startNextTrip() {
    long departure = nextOutbound + (nextDirection == 0 ? 0 : route.returnOffsetMillis());
    trip = planner.plan(route, nextDirection, departure, readyMillis, rng);
    readyMillis = trip.endMillis() + TURNAROUND_MILLIS;
    if (nextDirection == 1) {
      nextOutbound += route.cycleMillis;
    }
    nextDirection ^= 1;
    phase = 0;
    arrivalReported = false;
  }

  private long interval() {
    return minInterval + rng.nextLong(maxInterval - minInterval + 1);
  }

  private void report(long millis, SliceBuffer out) {
    if (millis < runStart) {
      return;
    }
    RoutePattern p = trip.pattern;
    double along = trip.alongAt(phase, millis);
    int stop = trip.stop[phase];
    VehicleStatus status;
    if (trip.kind[phase] == TripPlan.DWELL) {
      status = VehicleStatus.STOPPED_AT;
    } else if (p.stopAlong[stop] - along <= INCOMING_METERS) {
      status = VehicleStatus.INCOMING_AT;
    } else {
      status = VehicleStatus.IN_TRANSIT_TO;
    }
    double x = p.x(along) + GPS_SIGMA_METERS * Draw.normal(rng);
    double y = p.y(along) + GPS_SIGMA_METERS * Draw.normal(rng);
    out.add(millis, new BusPosition(null, millis, vehicleId, route.routeId, p.directionId,
        trip.tripId, grid.lat(y), grid.lon(x), p.bearing, trip.speed[phase], status,
        p.stopIds[stop], null));
  }
}
