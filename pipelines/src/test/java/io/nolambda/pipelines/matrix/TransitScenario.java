package io.nolambda.pipelines.matrix;

import static io.nolambda.pipelines.matrix.MatrixPipelines.at;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import io.nolambda.events.VehicleStatus;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;

/**
 * The transit input of the runner matrix, small enough to work out by hand. Route R (direction 0)
 * calls at S1, S2, S3, due north 0.01 degree (1.1 km) apart, each in the middle of its own cell of
 * the 0.01 degree grid. Trips T1..T4 (buses v1..v4) are timetabled at S1 every 10 min from 08:00
 * UTC on 2026-03-02, at S2 5 min and at S3 10 min later; the feed's time zone is UTC.
 *
 * <p>Observed arrivals in minutes after 08:00 (T2 and T3 run bunched):
 * <pre>
 *        S1   S2   S3
 *   T1    0    5   10
 *   T2   14   17   25   (at S1: first seen 11 m before the stop at 14:00, STOPPED_AT at 14:20)
 *   T3   16   20   28   (at S2: STOPPED_AT again at 20:40 while dwelling)
 *   T4   30   35   40
 * </pre>
 * Stop reports carry no speed. One minute after each of S1 and S2 a bus reports IN_TRANSIT_TO the
 * next stop from 333 m north of the stop it left, still in that stop's cell, with a speed (T2's
 * report from S1 is delivered twice). T4 sends one report without a fix (0, 0) at 33:00, and one 311
 * incident opens at 18:30 in S2's cell.
 */
final class TransitScenario {
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final long T0 = Instant.parse("2026-03-02T08:00:00Z").getMillis();
  static final long MINUTE = 60_000;
  static final double[] STOP_LAT = {38.905, 38.915, 38.925};
  static final double LON = -77.005;

  private TransitScenario() {}

  /** Millis of mm:ss after 08:00. */
  static long t(int minutes, int seconds) {
    return T0 + minutes * MINUTE + seconds * 1000L;
  }

  static GtfsFeed feed() {
    Map<String, Stop> stops = new HashMap<>();
    for (int s = 1; s <= 3; s++) {
      stops.put("S" + s, new Stop("S" + s, "S" + s, STOP_LAT[s - 1], LON));
    }
    Map<String, Trip> trips = new HashMap<>();
    List<StopTime> stopTimes = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      trips.put("T" + k, new Trip("T" + k, "R", "weekday", 0));
      for (int s = 1; s <= 3; s++) {
        int seconds = 8 * 3600 + (k - 1) * 600 + (s - 1) * 300;
        stopTimes.add(new StopTime("T" + k, "S" + s, s, seconds, seconds));
      }
    }
    return new GtfsFeed(ZoneOffset.UTC, stops, trips, stopTimes);
  }

  static List<TimestampedValue<CityEvent>> events() {
    TimestampedValue<CityEvent> t2m1 = moving("T2-m1", "T2", 1, t(15, 0), 6.0);
    return List.of(
        stopped("T1-S1", "T1", 1, t(0, 0)), moving("T1-m1", "T1", 1, t(1, 0), 10.0),
        stopped("T1-S2", "T1", 2, t(5, 0)), moving("T1-m2", "T1", 2, t(6, 0), 9.0),
        stopped("T1-S3", "T1", 3, t(10, 0)),
        position("T2-near-S1", "T2", STOP_LAT[0] - 0.0001, LON, VehicleStatus.INCOMING_AT, "S1",
            t(14, 0), null),
        stopped("T2-S1", "T2", 1, t(14, 20)), t2m1, t2m1, // redelivered
        stopped("T2-S2", "T2", 2, t(17, 0)), moving("T2-m2", "T2", 2, t(18, 0), 4.0),
        stopped("T2-S3", "T2", 3, t(25, 0)),
        stopped("T3-S1", "T3", 1, t(16, 0)), moving("T3-m1", "T3", 1, t(17, 0), 5.0),
        stopped("T3-S2", "T3", 2, t(20, 0)), stopped("T3-S2-dwell", "T3", 2, t(20, 40)),
        moving("T3-m2", "T3", 2, t(21, 0), 2.0), stopped("T3-S3", "T3", 3, t(28, 0)),
        stopped("T4-S1", "T4", 1, t(30, 0)), moving("T4-m1", "T4", 1, t(31, 0), 8.0),
        position("T4-nofix", "T4", 0, 0, VehicleStatus.IN_TRANSIT_TO, "S2", t(33, 0), 7.0),
        stopped("T4-S2", "T4", 2, t(35, 0)), moving("T4-m2", "T4", 2, t(36, 0), 6.0),
        stopped("T4-S3", "T4", 3, t(40, 0)),
        at(CityEvents.of(CityIncident.newBuilder().setEventId("i1").setEventTime(t(18, 30))
            .setIncidentId("i1").setSource("311").setCategory("Traffic").setLat(38.916)
            .setLon(-77.004).setStatus(IncidentStatus.OPENED).build())));
  }

  private static TimestampedValue<CityEvent> stopped(String id, String trip, int stop, long time) {
    return position(id, trip, STOP_LAT[stop - 1], LON, VehicleStatus.STOPPED_AT, "S" + stop, time, null);
  }

  /** 333 m past stop {@code from}, in its cell, heading for the next stop. */
  private static TimestampedValue<CityEvent> moving(String id, String trip, int from, long time,
      double speed) {
    return position(id, trip, STOP_LAT[from - 1] + 0.003, LON, VehicleStatus.IN_TRANSIT_TO,
        "S" + (from + 1), time, speed);
  }

  private static TimestampedValue<CityEvent> position(String id, String trip, double lat,
      double lon, VehicleStatus status, String stop, long time, Double speed) {
    return at(CityEvents.of(BusPosition.newBuilder().setEventId(id).setEventTime(time)
        .setVehicleId("v" + trip.substring(1)).setRouteId("R").setDirectionId(0).setTripId(trip)
        .setLat(lat).setLon(lon).setStatus(status).setStopId(stop).setSpeedMps(speed).build()));
  }
}
