package io.nolambda.transforms.parking;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.ParkingEvent;
import io.nolambda.transforms.InvalidEvent;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Picks the parking events out of the city stream, checks them and keys each by zone. A bay event
 * needs bay_id and occupied; a facility event needs facility_id, a positive capacity and a free
 * count in [0, capacity]; an event must be one or the other. Coordinates are not needed for a
 * zone's occupancy, so they are not checked. Other kinds pass silently.
 */
final class ParkingChanges extends DoFn<CityEvent, KV<String, ParkingChange>> {
  private final TupleTag<KV<String, ParkingChange>> validTag;
  private final TupleTag<InvalidEvent> invalidTag;
  private final Counter eventsIn = Metrics.counter(MeasureParkingOccupancy.class, "events_in");
  private final Counter invalid = Metrics.counter(MeasureParkingOccupancy.class, "invalid");
  private final Counter valid = Metrics.counter(MeasureParkingOccupancy.class, "events_valid");

  ParkingChanges(TupleTag<KV<String, ParkingChange>> validTag, TupleTag<InvalidEvent> invalidTag) {
    this.validTag = validTag;
    this.invalidTag = invalidTag;
  }

  @ProcessElement
  public void process(@Element CityEvent event, MultiOutputReceiver out) {
    if (!(event.getPayload() instanceof ParkingEvent p)) {
      return;
    }
    eventsIn.inc();
    String reason = reason(p);
    if (reason != null) {
      invalid.inc();
      out.get(invalidTag).output(new InvalidEvent(reason, p.getEventId(), CityEvents.kind(event)));
      return;
    }
    valid.inc();
    out.get(validTag).output(KV.of(p.getZoneId(), change(p)));
  }

  /** The state change a valid event reports: its unit (bay or facility), occupied count and capacity. */
  static ParkingChange change(ParkingEvent p) {
    return p.getBayId() != null
        ? new ParkingChange("bay:" + p.getBayId(), true, p.getEventId(), p.getEventTime(), p.getOccupied() ? 1 : 0, 1)
        : new ParkingChange("facility:" + p.getFacilityId(), false, p.getEventId(), p.getEventTime(),
            p.getCapacity() - p.getFree(), p.getCapacity());
  }

  /** Why the event cannot be used, or null when it can. */
  static String reason(ParkingEvent p) {
    if (p.getZoneId() == null || p.getZoneId().isBlank()) {
      return "missing zone_id";
    }
    boolean bay = p.getBayId() != null;
    boolean facility = p.getFacilityId() != null;
    if (bay == facility) {
      return bay ? "both bay_id and facility_id" : "neither bay_id nor facility_id";
    }
    if (bay) {
      return p.getOccupied() == null ? "missing occupied" : null;
    }
    if (p.getCapacity() == null || p.getCapacity() <= 0) {
      return "capacity not positive";
    }
    if (p.getFree() == null) {
      return "missing free";
    }
    if (p.getFree() < 0) {
      return "negative free";
    }
    return p.getFree() > p.getCapacity() ? "free above capacity" : null;
  }
}
