package io.nolambda.testing.simulator;

/**
 * The planned motion of one bus trip as consecutive phases: dwelling at a stop, moving at a constant
 * speed over a link, or waiting at a cross street (red signal, incident). Times are epoch millis
 * (fractional), positions meters along the pattern; {@code stop} is the stop dwelt at or headed
 * for.
 */
final class TripPlan {
  static final byte DWELL = 0;
  static final byte MOVE = 1;
  static final byte WAIT = 2;

  final BusRoute route;
  final RoutePattern pattern;
  final String tripId;
  int size;
  final double[] start;
  final double[] end;
  final double[] along;
  final double[] speed;
  final byte[] kind;
  final int[] stop;

  TripPlan(BusRoute route, RoutePattern pattern, String tripId) {
    this.route = route;
    this.pattern = pattern;
    this.tripId = tripId;
    // Each link adds a move and at most one dwell or wait at its end; the first stop adds a dwell.
    int capacity = 2 * pattern.linkEnd.length + 1;
    start = new double[capacity];
    end = new double[capacity];
    along = new double[capacity];
    speed = new double[capacity];
    kind = new byte[capacity];
    stop = new int[capacity];
  }

  void add(byte phaseKind, double from, double to, double alongMeters, double speedMps, int stopIndex) {
    start[size] = from;
    end[size] = to;
    along[size] = alongMeters;
    speed[size] = speedMps;
    kind[size] = phaseKind;
    stop[size] = stopIndex;
    size++;
  }

  double endMillis() {
    return end[size - 1];
  }

  /** Meters along the pattern at a time inside phase p. */
  double alongAt(int p, double millis) {
    return kind[p] == MOVE ? along[p] + (millis - start[p]) / 1000 * speed[p] : along[p];
  }
}
