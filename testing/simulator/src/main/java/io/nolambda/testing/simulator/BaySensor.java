package io.nolambda.testing.simulator;

import io.nolambda.events.ParkingEvent;
import java.util.SplittableRandom;

/**
 * One sensor bay: free and occupied spells alternate. Cars stay a log-normal dwell; a free bay gets
 * its next car at the rate that makes the bay's long-run occupancy the zone's target at that time of
 * day, {@code target / ((1 - target) * dwell)}, drawn by thinning. The bay reports its state once at
 * the start of the run (a sensor snapshot), then every change.
 */
final class BaySensor implements PartGenerator {
  static final double DWELL_SIGMA = 0.6;
  /** Simulated time before the run, in mean dwells, so the run starts in a settled state. */
  static final int WARM_UP_DWELLS = 4;

  private final ParkingZone zone;
  private final ParkingZone.Bay bay;
  private final SplittableRandom rng;
  private final double dwellMillis;
  private final double peakArrivalRate;
  private final long runStart;
  private boolean occupied;
  private long nextChange;
  private boolean snapshotDue = true;

  BaySensor(ParkingZone zone, ParkingZone.Bay bay, long runStart, SplittableRandom rng) {
    this.zone = zone;
    this.bay = bay;
    this.rng = rng;
    this.runStart = runStart;
    this.dwellMillis = zone.meanDwellSeconds() * 1000;
    this.peakArrivalRate = arrivalRate(OccupancyProfile.peak(zone.demandFactor()));
    long warmUp = runStart - (long) (WARM_UP_DWELLS * dwellMillis);
    occupied = rng.nextDouble() < zone.targetOccupancy(warmUp);
    nextChange = occupied
        ? warmUp + 1 + (long) (rng.nextDouble() * dwell())
        : nextArrival(warmUp);
    while (nextChange < runStart) {
      change();
    }
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    if (snapshotDue) {
      emit(runStart, out);
      snapshotDue = false;
    }
    while (nextChange < untilMillis) {
      long at = nextChange;
      change();
      emit(at, out);
    }
  }

  private void change() {
    occupied = !occupied;
    nextChange = occupied ? nextChange + dwell() : nextArrival(nextChange);
  }

  private long dwell() {
    return Math.max(1, Math.round(Draw.logNormal(rng, dwellMillis, DWELL_SIGMA)));
  }

  private double arrivalRate(double target) {
    return target / ((1 - target) * dwellMillis);
  }

  /** The first arrival after `from`, by thinning a Poisson process at the day's peak rate. */
  private long nextArrival(long from) {
    double t = from;
    while (true) {
      t += Draw.exponential(rng, 1 / peakArrivalRate);
      double rate = arrivalRate(zone.targetOccupancy((long) t));
      if (rng.nextDouble() * peakArrivalRate < rate) {
        return Math.max(from + 1, (long) Math.ceil(t));
      }
    }
  }

  private void emit(long millis, SliceBuffer out) {
    out.add(millis, new ParkingEvent(null, millis, zone.zoneId(), bay.bayId(), occupied, null,
        null, null, bay.lat(), bay.lon()));
  }
}
