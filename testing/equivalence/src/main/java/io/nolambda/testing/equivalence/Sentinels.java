package io.nolambda.testing.equivalence;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import java.time.Duration;
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
 * data, they move the watermark past every window before a cutoff; rows from the cutoff on are
 * not compared, as they may have seen a sentinel.
 */
public final class Sentinels {
  private static final long HALF_HOUR = 1_800_000L;

  private Sentinels() {}

  /**
   * The start of the second {@code unit} after the last event: windows up to a unit long (a day
   * for daily rows) that hold data all end by then.
   */
  public static long cutoff(List<CityEvent> events, Duration unit) {
    long last = events.stream().mapToLong(CityEvents::eventTime).max().orElseThrow();
    return (last / unit.toMillis() + 2) * unit.toMillis();
  }

  /**
   * For each of {@code kinds} present in {@code events}, its last event copied to half an hour
   * after {@code cutoff} plus the run's watermark delay: past every window before the cutoff.
   */
  public static List<CityEvent> closing(List<CityEvent> events, Collection<String> kinds, long cutoff,
      long watermarkDelayMillis) {
    long time = cutoff + watermarkDelayMillis + HALF_HOUR;
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
