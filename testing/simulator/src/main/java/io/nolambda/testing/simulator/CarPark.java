package io.nolambda.testing.simulator;

import io.nolambda.events.ParkingEvent;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One car park: cars arrive at {@code target * capacity / dwell} per unit time (drawn by thinning),
 * are turned away silently when it is full, and leave after a log-normal dwell. It reports its count
 * of free spaces once at the start of the run, then on every arrival and departure.
 */
final class CarPark implements PartGenerator {
  private final ParkingZone zone;
  private final SplittableRandom rng;
  private final double dwellMillis;
  private final double peakArrivalRate;
  private final long runStart;
  private final PriorityQueue<Long> departures = new PriorityQueue<>();
  private int parked;
  private long nextArrival;
  private boolean snapshotDue = true;

  CarPark(ParkingZone zone, long runStart, SplittableRandom rng) {
    this.zone = zone;
    this.rng = rng;
    this.runStart = runStart;
    this.dwellMillis = zone.meanDwellSeconds() * 1000;
    this.peakArrivalRate = arrivalRate(OccupancyProfile.peak(zone.demandFactor()));
    long warmUp = runStart - (long) (BaySensor.WARM_UP_DWELLS * dwellMillis);
    parked = (int) Math.round(zone.capacity() * zone.targetOccupancy(warmUp));
    for (int car = 0; car < parked; car++) {
      departures.add(warmUp + 1 + (long) (rng.nextDouble() * dwell()));
    }
    nextArrival = nextArrival(warmUp);
    run(runStart, null);
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    if (snapshotDue) {
      emit(runStart, out);
      snapshotDue = false;
    }
    run(untilMillis, out);
  }

  /** Processes arrivals and departures before `until`; departures first on a tie. */
  private void run(long until, SliceBuffer out) {
    while (true) {
      long departure = departures.isEmpty() ? Long.MAX_VALUE : departures.peek();
      long at = Math.min(departure, nextArrival);
      if (at >= until) {
        return;
      }
      if (departure <= nextArrival) {
        departures.poll();
        parked--;
        emit(at, out);
      } else {
        if (parked < zone.capacity()) {
          parked++;
          departures.add(at + dwell());
          emit(at, out);
        }
        nextArrival = nextArrival(at);
      }
    }
  }

  private long dwell() {
    return Math.max(1, Math.round(Draw.logNormal(rng, dwellMillis, BaySensor.DWELL_SIGMA)));
  }

  private double arrivalRate(double target) {
    return target * zone.capacity() / dwellMillis;
  }

  private long nextArrival(long from) {
    double t = from;
    while (true) {
      t += Draw.exponential(rng, 1 / peakArrivalRate);
      if (rng.nextDouble() * peakArrivalRate < arrivalRate(zone.targetOccupancy((long) t))) {
        return Math.max(from + 1, (long) Math.ceil(t));
      }
    }
  }

  private void emit(long millis, SliceBuffer out) {
    if (out != null) {
      out.add(millis, new ParkingEvent(null, millis, zone.zoneId(), null, null,
          zone.facilityId(), zone.capacity(), zone.capacity() - parked, zone.lat(), zone.lon()));
    }
  }
}
