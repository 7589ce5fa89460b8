package io.nolambda.io.kafka;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityIncident;
import io.nolambda.events.ParkingEvent;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.io.UndecodableEventException;

/**
 * Range checks of decoded events: a message can decode and still be nonsense (a latitude of 200, a
 * negative count). The first failed check throws {@link DeadLetterReason#INVALID_VALUE} naming the
 * field, e.g. {@code BusPosition.lat = 200.0 is not in [-90, 90]}.
 */
public final class EventValidation {
  private EventValidation() {}

  /** @throws UndecodableEventException INVALID_VALUE naming the first bad field */
  public static void validate(CityEvent event) {
    Object p = event.getPayload();
    if (p instanceof BusPosition e) {
      common("BusPosition", e.getEventId(), e.getEventTime());
      nonEmpty("BusPosition.vehicle_id", e.getVehicleId());
      latLon("BusPosition", e.getLat(), e.getLon());
      atLeast("BusPosition.direction_id", e.getDirectionId(), 0);
      if (e.getBearing() != null) {
        inRange("BusPosition.bearing", e.getBearing(), 0, 360);
      }
      if (e.getSpeedMps() != null) {
        inRange("BusPosition.speed_mps", e.getSpeedMps(), 0, 150);
      }
    } else if (p instanceof ParkingEvent e) {
      common("ParkingEvent", e.getEventId(), e.getEventTime());
      nonEmpty("ParkingEvent.zone_id", e.getZoneId());
      if (e.getCapacity() != null && e.getCapacity() <= 0) {
        throw invalid("ParkingEvent.capacity = " + e.getCapacity() + " is not > 0");
      }
      if (e.getFree() != null) {
        atLeast("ParkingEvent.free", e.getFree(), 0);
      }
      optionalLatLon("ParkingEvent", e.getLat(), e.getLon());
    } else if (p instanceof CityIncident e) {
      common("CityIncident", e.getEventId(), e.getEventTime());
      nonEmpty("CityIncident.incident_id", e.getIncidentId());
      optionalLatLon("CityIncident", e.getLat(), e.getLon());
    } else if (p instanceof AssetEvent e) {
      common("AssetEvent", e.getEventId(), e.getEventTime());
      nonEmpty("AssetEvent.asset_id", e.getAssetId());
    } else {
      throw invalid("payload is no event kind: " + (p == null ? "null" : p.getClass().getName()));
    }
  }

  private static void common(String kind, CharSequence eventId, long eventTime) {
    nonEmpty(kind + ".event_id", eventId);
    if (eventTime <= 0) {
      throw invalid(kind + ".event_time = " + eventTime + " is not > 0");
    }
  }

  private static void latLon(String kind, double lat, double lon) {
    inRange(kind + ".lat", lat, -90, 90);
    inRange(kind + ".lon", lon, -180, 180);
  }

  private static void optionalLatLon(String kind, Double lat, Double lon) {
    if (lat != null) {
      inRange(kind + ".lat", lat, -90, 90);
    }
    if (lon != null) {
      inRange(kind + ".lon", lon, -180, 180);
    }
  }

  private static void inRange(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) { // also refuses NaN
      throw invalid(field + " = " + value + " is not in [" + fmt(min) + ", " + fmt(max) + "]");
    }
  }

  private static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw invalid(field + " = " + value + " is not >= " + min);
    }
  }

  private static void nonEmpty(String field, CharSequence value) {
    if (value == null || value.length() == 0) {
      throw invalid(field + " is empty");
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static UndecodableEventException invalid(String detail) {
    return new UndecodableEventException(DeadLetterReason.INVALID_VALUE, detail);
  }
}
