package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans how one bus trip actually runs: cruising speed with noise per link, red signals at cross
 * streets, dwell times that grow with the passengers waiting since the previous bus (so a late bus
 * gets later: the mechanism of bunching), and no departure from a stop before the timetable's (an
 * early bus waits).
 *
 * <p>An incident blocks the street within the incident radius until it is cleared: a bus is held at
 * the first cross street there, then passes the stops there without stopping, as when police close
 * a block (the first stop of a trip, where the bus starts, stays open). Passengers at a closed stop
 * wait for the first bus after the block reopens: a large excess wait at the incident itself. A hold
 * alone would not put it there: its delay shows alike at every later stop of the trip.
 */
final class TripPlanner {
  // A bus spends 8 s opening and closing doors and 2 s per boarding; an on-time bus meets 6.
  static final double DOOR_S = 8;
  static final double BOARDING_S = 2;
  static final double MEAN_BOARDINGS = 6;
  static final double MAX_BOARDINGS = 60;
  static final double SCHEDULED_DWELL_S = DOOR_S + BOARDING_S * MEAN_BOARDINGS;
  // About a third of the signals are red on arrival, for 5 to 40 s.
  static final double RED_PROBABILITY = 0.35;
  static final double RED_MIN_S = 5;
  static final double RED_MAX_S = 40;
  static final double MEAN_SIGNAL_WAIT_S = RED_PROBABILITY * (RED_MIN_S + RED_MAX_S) / 2;
  // A bus reaching a blocked street waits its turn to get past: exponential, drawn once per trip
  // and incident, so one bus passes at once and the next waits minutes (irregular headways).
  static final double INCIDENT_HOLD_MEAN_S = 240;

  private final double speedMps;
  private final double radiusMeters;
  /** Incidents near each pattern, indexed by route index * 2 + direction. */
  private final IncidentSite[][] nearby;

  private record IncidentSite(double x, double y, long openMillis, long clearMillis) {}

  TripPlanner(SimulatorConfig config, CityGrid grid, List<BusRoute> routes,
      List<Incident> incidents) {
    this.speedMps = config.busSpeedMps();
    this.radiusMeters = config.incidentRadiusMeters();
    this.nearby = new IncidentSite[routes.size() * 2][];
    for (BusRoute route : routes) {
      for (int d = 0; d < 2; d++) {
        RoutePattern p = route.patterns[d];
        List<IncidentSite> sites = new ArrayList<>();
        for (Incident incident : incidents) {
          double x = grid.x(incident.lon());
          double y = grid.y(incident.lat());
          if (distanceToPattern(p, x, y) <= radiusMeters) {
            sites.add(new IncidentSite(x, y, incident.openMillis(), incident.clearMillis()));
          }
        }
        nearby[route.index * 2 + d] = sites.toArray(new IncidentSite[0]);
      }
    }
  }

  private static double distanceToPattern(RoutePattern p, double x, double y) {
    double along = Math.max(0, Math.min(p.length(),
        (x - p.x(0)) * (p.x(1) - p.x(0)) + (y - p.y(0)) * (p.y(1) - p.y(0))));
    double dx = x - p.x(along);
    double dy = y - p.y(along);
    return Math.sqrt(dx * dx + dy * dy);
  }

  /**
   * @param scheduledDeparture departure from the first stop in the timetable
   * @param readyMillis earliest time the bus can be at the first stop (after its previous trip)
   */
  TripPlan plan(BusRoute route, int direction, long scheduledDeparture, double readyMillis,
      SplittableRandom rng) {
    RoutePattern p = route.patterns[direction];
    IncidentSite[] sites = nearby[route.index * 2 + direction];
    boolean[] held = new boolean[sites.length]; // an incident holds a trip once
    TripPlan plan = new TripPlan(route, p, route.tripId(direction, scheduledDeparture));
    double h = route.headwayMillis;

    double boardingStart = scheduledDeparture - SCHEDULED_DWELL_S * 1000;
    double t = Math.max(boardingStart, readyMillis);
    double departure = Math.max(scheduledDeparture, t + dwellMillis(rng, t - boardingStart, h));
    plan.add(TripPlan.DWELL, t, departure, 0, 0, 0);
    t = departure;

    double cruise = speedMps * Draw.uniform(rng, 0.9, 1.1);
    double from = 0;
    for (int l = 0; l < p.linkEnd.length; l++) {
      double to = p.linkEnd[l];
      int stop = p.linkStop[l];
      double v = cruise * Draw.uniform(rng, 0.85, 1.15);
      double arrival = t + (to - from) / v * 1000;
      plan.add(TripPlan.MOVE, t, arrival, from, v, stop);
      t = arrival;
      from = to;
      if (p.linkKind[l] == RoutePattern.TO_STOP && !blocked(p, to, t, sites)) {
        double lateness = t - (scheduledDeparture + p.scheduledArrival[stop] * 1000.0);
        double leave = Math.max(t + dwellMillis(rng, lateness, h),
            scheduledDeparture + p.scheduledDeparture[stop] * 1000.0);
        plan.add(TripPlan.DWELL, t, leave, to, 0, stop);
        t = leave;
      } else if (p.linkKind[l] == RoutePattern.TO_SIGNAL) {
        double wait = incidentHoldMillis(p, to, t, sites, held, rng);
        if (rng.nextDouble() < RED_PROBABILITY) {
          wait += Draw.uniform(rng, RED_MIN_S, RED_MAX_S) * 1000;
        }
        if (wait > 0) {
          plan.add(TripPlan.WAIT, t, t + wait, to, 0, stop);
          t += wait;
        }
      }
    }
    return plan;
  }

  /** Passengers arrive at random, so boardings grow with the time since the scheduled last bus. */
  private static double dwellMillis(SplittableRandom rng, double latenessMillis, double headway) {
    double mean = Math.min(MAX_BOARDINGS,
        MEAN_BOARDINGS * (headway + Math.max(0, latenessMillis)) / headway);
    return (DOOR_S + BOARDING_S * Draw.poisson(rng, mean)) * 1000;
  }

  /** Whether the point is within the radius of an incident that blocks the street at the time. */
  private boolean blocked(RoutePattern p, double along, double millis, IncidentSite[] sites) {
    for (int k = 0; k < sites.length; k++) {
      if (blocks(sites[k], p, along, millis)) {
        return true;
      }
    }
    return false;
  }

  /** The hold at a point and time: a draw for each blocking incident the trip first meets here. */
  private double incidentHoldMillis(RoutePattern p, double along, double millis,
      IncidentSite[] sites, boolean[] held, SplittableRandom rng) {
    double hold = 0;
    for (int k = 0; k < sites.length; k++) {
      if (!held[k] && blocks(sites[k], p, along, millis)) {
        held[k] = true;
        hold += Draw.exponential(rng, INCIDENT_HOLD_MEAN_S * 1000);
      }
    }
    return hold;
  }

  private boolean blocks(IncidentSite s, RoutePattern p, double along, double millis) {
    double dx = p.x(along) - s.x;
    double dy = p.y(along) - s.y;
    return s.openMillis <= millis && millis < s.clearMillis
        && dx * dx + dy * dy <= radiusMeters * radiusMeters;
  }
}
