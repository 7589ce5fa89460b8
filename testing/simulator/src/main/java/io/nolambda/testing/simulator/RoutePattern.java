package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a bus route: a straight run along a street, in the right-hand lane, from its
 * first to its last stop, with stops mid-block (so each lies inside one cell), traffic signals at
 * every cross street, and the scheduled times between stops.
 *
 * <p>Positions along the pattern are meters from the first stop. The pattern is cut into short links
 * (at most {@value #MAX_LINK_METERS} m) because a bus's speed is constant within a link: that is the
 * resolution of speed noise and of where incidents hold buses.
 *
 * <p>The timetable plans each run between stops 15 % longer than its mean (driving and signals),
 * as agencies pad running times: a bus on time is usually early and waits at the stop, and a late
 * one makes up a little at each stop.
 */
final class RoutePattern {
  static final double LANE_OFFSET_METERS = 5;
  static final double MAX_LINK_METERS = 50;
  static final double RUNNING_TIME_MARGIN = 0.15;
  static final byte TO_STOP = 0;
  static final byte TO_SIGNAL = 1;
  static final byte TO_NOTHING = 2;

  final String routeId;
  final int directionId;
  final double bearing;
  private final double startX;
  private final double startY;
  private final double ux;
  private final double uy;
  final double[] stopAlong;
  final String[] stopIds;
  /** Where each link ends, the stop it heads for, and what is at its end. */
  final double[] linkEnd;
  final int[] linkStop;
  final byte[] linkKind;
  /** Scheduled seconds after the departure from the first stop (GTFS stop_times offsets). */
  final int[] scheduledArrival;
  final int[] scheduledDeparture;

  /**
   * @param lineX east coordinate where the street starts, in the direction of travel
   * @param lineY north coordinate where the street starts
   * @param ux east component of the unit direction of travel
   * @param uy north component of the unit direction of travel
   * @param blocks length of the street in blocks
   */
  RoutePattern(String routeId, int directionId, double lineX, double lineY, double ux, double uy,
      int blocks, double cellMeters, int blocksPerStop, double speedMps) {
    this.routeId = routeId;
    this.directionId = directionId;
    this.ux = ux;
    this.uy = uy;
    this.bearing = (Math.toDegrees(StrictMath.atan2(ux, uy)) + 360) % 360;

    int stops = (blocks - 1) / blocksPerStop + 1;
    double[] u = new double[stops]; // meters from the street's start
    for (int i = 0; i < stops; i++) {
      u[i] = (i * blocksPerStop + 0.5) * cellMeters;
    }
    // Right of the direction of travel (ux, uy) is (uy, -ux).
    startX = lineX + ux * u[0] + uy * LANE_OFFSET_METERS;
    startY = lineY + uy * u[0] - ux * LANE_OFFSET_METERS;
    stopAlong = new double[stops];
    stopIds = new String[stops];
    for (int i = 0; i < stops; i++) {
      stopAlong[i] = u[i] - u[0];
      stopIds[i] = routeId + "-" + directionId + "-" + String.format("%02d", i + 1);
    }

    List<double[]> links = new ArrayList<>(); // {end, stop, kind}
    scheduledArrival = new int[stops];
    scheduledDeparture = new int[stops];
    double clock = 0;
    for (int i = 1; i < stops; i++) {
      double from = u[i - 1];
      int signalsHere = 0;
      for (int street = (int) (from / cellMeters) + 1; street * cellMeters < u[i]; street++) {
        addLinks(links, from, street * cellMeters, i, TO_SIGNAL);
        from = street * cellMeters;
        signalsHere++;
      }
      addLinks(links, from, u[i], i, TO_STOP);
      clock += ((u[i] - u[i - 1]) / speedMps + signalsHere * TripPlanner.MEAN_SIGNAL_WAIT_S)
          * (1 + RUNNING_TIME_MARGIN);
      scheduledArrival[i] = (int) Math.round(clock);
      if (i < stops - 1) {
        clock += TripPlanner.SCHEDULED_DWELL_S;
      }
      scheduledDeparture[i] = (int) Math.round(clock);
    }
    linkEnd = new double[links.size()];
    linkStop = new int[links.size()];
    linkKind = new byte[links.size()];
    for (int l = 0; l < links.size(); l++) {
      linkEnd[l] = links.get(l)[0] - u[0];
      linkStop[l] = (int) links.get(l)[1];
      linkKind[l] = (byte) links.get(l)[2];
    }
  }

  /** Splits [from, to) of the street into equal links of at most MAX_LINK_METERS. */
  private static void addLinks(List<double[]> links, double from, double to, int stop, byte kind) {
    int n = (int) Math.ceil((to - from) / MAX_LINK_METERS);
    for (int s = 1; s <= n; s++) {
      double end = s == n ? to : from + (to - from) * s / n;
      links.add(new double[] {end, stop, s == n ? kind : TO_NOTHING});
    }
  }

  int lastStop() {
    return stopAlong.length - 1;
  }

  double length() {
    return stopAlong[lastStop()];
  }

  /** East coordinate of the point `along` meters past the first stop. */
  double x(double along) {
    return startX + ux * along;
  }

  double y(double along) {
    return startY + uy * along;
  }

  /** Scheduled time from leaving the first stop to leaving the last (after alighting). */
  double scheduledRunSeconds() {
    return scheduledArrival[lastStop()] + TripPlanner.SCHEDULED_DWELL_S;
  }
}
