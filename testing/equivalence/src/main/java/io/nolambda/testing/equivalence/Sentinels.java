package io.nolambda.testing.equivalence;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Events that close a live run's windows without waiting out their length in wall-clock time: per
 * kind, a copy of the kind's last event moved to a later time under a new id. Produced after the
 * data, they move the watermark past every window before that time.
 */
public final class Sentinels {
  private Sentinels() {}

  /** For each of {@code kinds} present in {@code events}, its last event copied to {@code time}. */
  public static List<CityEvent> of(List<CityEvent> events, Collection<String> kinds, long time) {
    Map<String, CityEvent> last = new LinkedHashMap<>();
    events.stream().filter(e -> kinds.contains(CityEvents.kind(e))).sorted(CityEvents.ORDER)
        .forEach(e -> last.put(CityEvents.kind(e), e));
    List<CityEvent> sentinels = new ArrayList<>();
    for (CityEvent event : last.values()) {
      SpecificRecord payload = SpecificData.get().deepCopy(((SpecificRecord) event.getPayload()).getSchema(),
          (SpecificRecord) event.getPayload());
      CityEvents.setEventId(payload, "sentinel-" + CityEvents.kind(event));
      payload.put(payload.getSchema().getField("event_time").pos(), time);
      sentinels.add(CityEvents.of(payload));
    }
    return sentinels;
  }
}
