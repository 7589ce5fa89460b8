package io.nolambda.events;

import java.util.Comparator;
import org.apache.avro.specific.SpecificRecord;

/** Accessors common to every event kind inside the {@link CityEvent} envelope. */
public final class CityEvents {
  /** Event time, then event id: a total order that does not depend on arrival. */
  public static final Comparator<CityEvent> ORDER =
      Comparator.comparingLong(CityEvents::eventTime).thenComparing(CityEvents::eventId);

  private CityEvents() {}

  /** Wraps one event of any kind in the envelope. */
  public static CityEvent of(SpecificRecord payload) {
    return CityEvent.newBuilder().setPayload(payload).build();
  }

  /** The event kind: the simple name of the payload's Avro record, e.g. {@code BusPosition}. */
  public static String kind(CityEvent event) {
    return payload(event).getSchema().getName();
  }

  public static String eventId(CityEvent event) {
    return (String) payload(event).get(payload(event).getSchema().getField("event_id").pos());
  }

  /** Event time, epoch millis UTC. */
  public static long eventTime(CityEvent event) {
    return (Long) payload(event).get(payload(event).getSchema().getField("event_time").pos());
  }

  /** Sets the id of a payload of any kind (before it is wrapped). */
  public static void setEventId(SpecificRecord payload, String id) {
    payload.put(payload.getSchema().getField("event_id").pos(), id);
  }

  /** The Avro schema of a kind's payload (one branch of the envelope's union). */
  public static org.apache.avro.Schema payloadSchema(String kind) {
    return CityEvent.getClassSchema().getField("payload").schema().getTypes().stream()
        .filter(s -> s.getName().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no event kind '" + kind + "'"));
  }

  private static SpecificRecord payload(CityEvent event) {
    return (SpecificRecord) event.getPayload();
  }
}
