package io.nolambda.transforms.parking;

import io.nolambda.transforms.EventTimeWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Carries a zone's reports of one window into every window they can affect (DESIGN.md 5), as one
 * list per target window: a report goes into its own window and each later window starting less
 * than twice the stale horizon after it. One horizon because the state it sets is known that long
 * (a car parked across many windows counts in each); the second so that a window also sees the
 * report before any arrival it contains, which tells whether that arrival is a real one (free
 * before) or a first snapshot, and so whether the session's dwell is known. Each list is stamped at
 * the end of its target window, never earlier than its input.
 *
 * <p>Lists rather than single reports because the copies are what the runner moves: a zone reports
 * many times a window, and each report reaches 48 windows at the defaults (5-min windows, 2-h
 * horizon); one element per (zone, window, target) instead of per (report, target) cuts the
 * elements of the next grouping by the reports per zone and window.
 */
final class CarryReports extends DoFn<KV<String, Iterable<ParkingChange>>, KV<String, List<ParkingChange>>> {
  private final long window;
  private final long reach;

  CarryReports(Duration window, Duration horizon) {
    this.window = window.getMillis();
    this.reach = 2 * horizon.getMillis();
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<ParkingChange>> zone,
      OutputReceiver<KV<String, List<ParkingChange>>> out) {
    Map<Long, List<ParkingChange>> byTarget = new TreeMap<>();
    for (ParkingChange report : zone.getValue()) {
      EventTimeWindows.startsBefore(report.time(), window, reach)
          .forEach(start -> byTarget.computeIfAbsent(start, s -> new ArrayList<>()).add(report));
    }
    byTarget.forEach((start, reports) ->
        out.outputWithTimestamp(KV.of(zone.getKey(), reports), new Instant(start + window - 1)));
  }
}
