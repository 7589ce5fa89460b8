package io.nolambda.transforms.parking;

import io.nolambda.events.CityEvent;
import io.nolambda.events.ParkingEvent;
import io.nolambda.transforms.EventTimeWindows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;

/**
 * {@link MeasureParkingOccupancy}'s rows computed by a plain single-threaded loop over events in
 * memory, without Beam: the same checks, carrying and per-window measure, grouped in a hash map.
 * The benchmarks' baseline (what one core does without a pipeline), and a check of the pipeline.
 */
public final class ParkingOccupancyLoop {
  private ParkingOccupancyLoop() {}

  /** The rows of all complete-data windows: every window any valid report reaches. Invalid events are skipped. */
  public static List<OccupancyRow> measure(Iterable<CityEvent> events, Duration window, Duration horizon) {
    long size = window.getMillis();
    long reach = 2 * horizon.getMillis();
    Map<String, Map<Long, List<ParkingChange>>> carried = new HashMap<>();
    for (CityEvent event : events) {
      if (event.getPayload() instanceof ParkingEvent p && ParkingChanges.reason(p) == null) {
        ParkingChange change = ParkingChanges.change(p);
        Map<Long, List<ParkingChange>> zone = carried.computeIfAbsent(p.getZoneId(), z -> new HashMap<>());
        EventTimeWindows.startsBefore(change.time(), size, reach) // as CarryReports
            .forEach(start -> zone.computeIfAbsent(start, s -> new ArrayList<>()).add(change));
      }
    }
    List<OccupancyRow> rows = new ArrayList<>();
    carried.forEach((zone, windows) -> windows.forEach((start, changes) -> {
      OccupancyRow row = OccupancyOfWindow.measure(zone, start, start + size, changes, horizon.getMillis());
      if (row != null) {
        rows.add(row);
      }
    }));
    return rows;
  }
}
