package io.nolambda.transforms.transit;

import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The part of a GTFS feed arrival detection needs, compact enough to ship inside a DoFn: each
 * trip's route, direction and stops (sorted by id, each once), and each stop's coordinates.
 */
final class TripIndex implements Serializable {
  record TripStops(String routeId, int directionId, String[] stopIds) implements Serializable {}

  private final Map<String, TripStops> trips;
  private final Map<String, double[]> stops;

  TripIndex(GtfsFeed feed) {
    Map<String, TreeSet<String>> stopsOfTrip = new HashMap<>();
    for (StopTime st : feed.stopTimes()) {
      stopsOfTrip.computeIfAbsent(st.tripId(), t -> new TreeSet<>()).add(st.stopId());
    }
    trips = new HashMap<>();
    for (Trip trip : feed.trips().values()) {
      List<String> ids = new ArrayList<>(stopsOfTrip.getOrDefault(trip.tripId(), new TreeSet<>()));
      trips.put(trip.tripId(),
          new TripStops(trip.routeId(), trip.directionId(), ids.toArray(new String[0])));
    }
    stops = new HashMap<>();
    for (Stop stop : feed.stops().values()) {
      stops.put(stop.stopId(), new double[] {stop.lat(), stop.lon()});
    }
  }

  /** The trip, or null when the feed has no such trip (or the id is null). */
  TripStops trip(String tripId) {
    return tripId == null ? null : trips.get(tripId);
  }

  /** {lat, lon} of the stop, or null when the feed has no such stop. */
  double[] stop(String stopId) {
    return stops.get(stopId);
  }

  /** Distance in metres on a sphere of the Earth's mean radius (haversine). */
  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
