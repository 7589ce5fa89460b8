package io.nolambda.io.kafka;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityIncident;
import io.nolambda.events.ParkingEvent;
import java.util.List;
import java.util.Map;

/**
 * One topic per event kind, so each pipeline reads only what it needs; records are keyed by the
 * entity that must keep its order (a bus, a bay or facility, an incident, an asset).
 */
public final class EventTopics {
  private static final Map<String, String> TOPIC_BY_KIND =
      Map.of(
          "BusPosition", "bus-positions",
          "ParkingEvent", "parking-events",
          "CityIncident", "city-incidents",
          "AssetEvent", "asset-events");

  private EventTopics() {}

  public static List<String> kinds() {
    return List.of("BusPosition", "ParkingEvent", "CityIncident", "AssetEvent");
  }

  /** The topic of an event kind, after an optional prefix (for isolated test runs). */
  public static String topic(String prefix, String kind) {
    String topic = TOPIC_BY_KIND.get(kind);
    if (topic == null) {
      throw new IllegalArgumentException("unknown event kind '" + kind + "', expected one of " + kinds());
    }
    return prefix + topic;
  }

  /** The schema registry topic of the topics under this prefix. */
  public static String registryTopic(String prefix) {
    return prefix + "_schemas";
  }

  /** The registry subject of a topic's message values (Confluent's TopicNameStrategy). */
  public static String subject(String topic) {
    return topic + "-value";
  }

  /** The partitioning key: events of one entity stay in one partition, in order. */
  public static String key(CityEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof BusPosition p) {
      return p.getVehicleId();
    }
    if (payload instanceof ParkingEvent p) {
      return p.getBayId() != null ? p.getBayId() : p.getFacilityId() != null ? p.getFacilityId() : p.getZoneId();
    }
    if (payload instanceof CityIncident p) {
      return p.getIncidentId();
    }
    return ((AssetEvent) payload).getAssetId();
  }
}
