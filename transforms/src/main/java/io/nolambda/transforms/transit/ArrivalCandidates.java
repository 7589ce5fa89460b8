package io.nolambda.transforms.transit;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.VehicleStatus;
import io.nolambda.transforms.InvalidEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Picks the bus positions out of the city stream, checks them against the feed and emits each
 * qualifying (trip, stop) of a report as a candidate arrival keyed by trip and stop: the stop of a
 * STOPPED_AT report, and every stop of the trip within the radius of the reported position.
 *
 * <p>Dead letters: "unknown trip" (trip_id not in the feed), "missing coordinates" (lat or lon not
 * finite, out of range, or both zero, the usual null island of a missing fix), "unknown stop"
 * (stop_id not in the feed) and "stop not on trip" (stop_id of a stop the trip does not serve).
 * Other kinds of events pass silently.
 */
final class ArrivalCandidates extends DoFn<CityEvent, KV<String, Arrival>> {
  private final SerializedOnce<TripIndex> index;
  private final double radius;
  private final TupleTag<KV<String, Arrival>> validTag;
  private final TupleTag<InvalidEvent> invalidTag;
  private final Counter eventsIn = Metrics.counter(DetectArrivals.class, "events_in");
  private final Counter valid = Metrics.counter(DetectArrivals.class, "events_valid");
  private final Counter invalid = Metrics.counter(DetectArrivals.class, "invalid");

  ArrivalCandidates(TripIndex index, double radiusMetres, TupleTag<KV<String, Arrival>> validTag,
      TupleTag<InvalidEvent> invalidTag) {
    this.index = SerializedOnce.of(index);
    this.radius = radiusMetres;
    this.validTag = validTag;
    this.invalidTag = invalidTag;
  }

  static String key(String tripId, String stopId) {
    return tripId + '\u001f' + stopId;
  }

  @ProcessElement
  public void process(@Element CityEvent event, MultiOutputReceiver out) {
    if (!(event.getPayload() instanceof BusPosition p)) {
      return;
    }
    eventsIn.inc();
    TripIndex index = this.index.get();
    TripIndex.TripStops trip = index.trip(p.getTripId());
    String reason = reason(index, p, trip);
    if (reason != null) {
      invalid.inc();
      out.get(invalidTag).output(new InvalidEvent(reason, p.getEventId(), CityEvents.kind(event)));
      return;
    }
    valid.inc();
    for (Arrival candidate : candidates(index, radius, p, trip)) {
      out.get(validTag).output(KV.of(key(p.getTripId(), candidate.getStopId()), candidate));
    }
  }

  /** The candidate arrivals of a valid report of {@code trip}, one per qualifying stop (see above). */
  static List<Arrival> candidates(TripIndex index, double radius, BusPosition p, TripIndex.TripStops trip) {
    List<Arrival> candidates = new ArrayList<>();
    for (String stopId : trip.stopIds()) {
      boolean stopped = p.getStatus() == VehicleStatus.STOPPED_AT && stopId.equals(p.getStopId());
      double[] stop = index.stop(stopId);
      if (stopped || TripIndex.metres(p.getLat(), p.getLon(), stop[0], stop[1]) <= radius) {
        candidates.add(new Arrival(trip.routeId(), trip.directionId(), stopId, p.getTripId(), p.getVehicleId(),
            p.getEventTime(), p.getEventId()));
      }
    }
    return candidates;
  }

  /** Why the report cannot be used ({@code trip} is its trip in the index, or null), or null when it can. */
  static String reason(TripIndex index, BusPosition p, TripIndex.TripStops trip) {
    if (trip == null) {
      return "unknown trip";
    }
    if (Coordinates.missing(p.getLat(), p.getLon())) {
      return "missing coordinates";
    }
    if (p.getStopId() != null) {
      if (index.stop(p.getStopId()) == null) {
        return "unknown stop";
      }
      if (Arrays.binarySearch(trip.stopIds(), p.getStopId()) < 0) {
        return "stop not on trip";
      }
    }
    return null;
  }
}
