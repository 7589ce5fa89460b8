package io.nolambda.gtfs;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The part of a GTFS static feed the transit transforms need: stops, trips and the schedule.
 * Immutable; small enough to be a side input.
 */
public record GtfsFeed(
    ZoneId timeZone, Map<String, Stop> stops, Map<String, Trip> trips, List<StopTime> stopTimes)
    implements Serializable {

  public GtfsFeed {
    stops = Map.copyOf(stops);
    trips = Map.copyOf(trips);
    stopTimes = List.copyOf(stopTimes);
  }
}
