package io.nolambda.pipelines.eventcounts;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event counts computed by a plain single-threaded loop, without Beam: the reference that
 * tests and the demo compare the pipeline's serving rows with, and the benchmarks' baseline.
 */
public final class EventCountLoop {
  /** Orders rows by kind, then window start. */
  public static final Comparator<EventCount> ROW_ORDER =
      Comparator.comparing(EventCount::getKind).thenComparingLong(EventCount::getWindowStart);

  private EventCountLoop() {}

  public static List<EventCount> count(Iterable<CityEvent> events, long windowMillis) {
    Set<String> seen = new HashSet<>();
    Map<String, Map<Long, Long>> counts = new HashMap<>();
    for (CityEvent event : events) {
      if (seen.add(CityEvents.eventId(event))) {
        long start = Math.floorDiv(CityEvents.eventTime(event), windowMillis) * windowMillis;
        counts.computeIfAbsent(CityEvents.kind(event), k -> new HashMap<>()).merge(start, 1L, Long::sum);
      }
    }
    List<EventCount> rows = new ArrayList<>();
    counts.forEach((kind, byWindow) -> byWindow.forEach(
        (start, n) -> rows.add(new EventCount(kind, start, start + windowMillis, n))));
    rows.sort(ROW_ORDER);
    return rows;
  }
}
