package io.nolambda.testing.simulator;

import java.util.List;

/**
 * A parking zone of the run: a street block whose bays have occupancy sensors, or a car park that
 * reports its count of free spaces (its facility id is the zone id).
 *
 * <p>Demand follows a daily pattern: the target occupied fraction at a time is
 * {@link #targetOccupancy(long)}; cars stay {@code meanDwellSeconds} on average (log-normal).
 */
public record ParkingZone(
    String zoneId,
    Kind kind,
    int capacity,
    double lat,
    double lon,
    String cellId,
    double demandFactor,
    double meanDwellSeconds,
    List<Bay> bays) {

  public enum Kind {
    STREET_BLOCK,
    CAR_PARK
  }

  /** A sensor bay of a street block. */
  public record Bay(String bayId, double lat, double lon) {}

  public ParkingZone {
    bays = List.copyOf(bays);
  }

  /** Facility id of a car park, null for a street block. */
  public String facilityId() {
    return kind == Kind.CAR_PARK ? zoneId : null;
  }

  /** The fraction of spaces the zone tends towards at that time of (UTC) day. */
  public double targetOccupancy(long millis) {
    return OccupancyProfile.target(demandFactor, millis);
  }
}
