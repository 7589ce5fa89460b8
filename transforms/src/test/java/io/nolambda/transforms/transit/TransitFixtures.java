package io.nolambda.transforms.transit;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.VehicleStatus;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;

/**
 * A small feed: route R, direction 0 calls at stops A, B, C (1.1 km apart, due north), trips T1..T6
 * leave A every 15 minutes from 10:00 New York time (15:00 UTC) on 2026-02-16 and reach B 5 and C
 * 10 minutes later. Stop D is served by no trip.
 */
final class TransitFixtures {
  static final LocalDate DAY = LocalDate.of(2026, 2, 16);
  static final long T0 = Instant.parse("2026-02-16T15:00:00Z").getMillis();
  static final long MINUTE = 60_000;
  static final long HOUR = 60 * MINUTE;
  static final double[] A = {38.90, -77.00};
  static final double[] B = {38.91, -77.00};
  static final double[] C = {38.92, -77.00};
  static final int TRIPS = 6;

  private TransitFixtures() {}

  static GtfsFeed feed() {
    Map<String, Stop> stops = new HashMap<>();
    stops.put("A", new Stop("A", "A", A[0], A[1]));
    stops.put("B", new Stop("B", "B", B[0], B[1]));
    stops.put("C", new Stop("C", "C", C[0], C[1]));
    stops.put("D", new Stop("D", "D", 38.95, -77.05));
    Map<String, Trip> trips = new HashMap<>();
    List<StopTime> stopTimes = new ArrayList<>();
    for (int k = 1; k <= TRIPS; k++) {
      String id = "T" + k;
      trips.put(id, new Trip(id, "R", "svc", 0));
      int leave = 10 * 3600 + (k - 1) * 15 * 60;
      String[] ids = {"A", "B", "C"};
      for (int s = 0; s < 3; s++) {
        int t = leave + s * 300;
        stopTimes.add(new StopTime(id, ids[s], s + 1, t, t));
      }
    }
    return new GtfsFeed(ZoneId.of("America/New_York"), stops, trips, stopTimes);
  }

  static TimestampedValue<CityEvent> position(String id, String trip, long millisAfterT0,
      double lat, double lon, VehicleStatus status, String stopId) {
    BusPosition p = BusPosition.newBuilder().setEventId(id).setEventTime(T0 + millisAfterT0)
        .setVehicleId("v-" + trip).setRouteId("R").setDirectionId(0).setTripId(trip)
        .setLat(lat).setLon(lon).setStatus(status).setStopId(stopId).setSpeedMps(5.0).build();
    return TimestampedValue.of(CityEvents.of(p), new Instant(p.getEventTime()));
  }

  static Arrival arrival(String trip, String stop, long millisAfterT0, String eventId) {
    return new Arrival("R", 0, stop, trip, "v-" + trip, T0 + millisAfterT0, eventId);
  }
}
