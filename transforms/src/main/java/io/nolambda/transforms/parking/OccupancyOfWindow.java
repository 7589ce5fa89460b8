package io.nolambda.transforms.parking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;

/**
 * The occupancy row of one zone and window from every report carried into it (lists of them, one
 * per window they came from; a late pane carries a window's list again, with the late reports in
 * it). Reports are
 * deduplicated by event id and sorted by (time, event id), so the row depends only on the set of
 * reports. A unit's state is known from a report until the next one or until the stale horizon
 * has passed. An arrival (departure) is a rise (fall) of a unit's occupied count against its
 * previous report while that was still known; a report after an unknown state is a snapshot, not
 * an arrival. A bay session's dwell is known when its start was such an arrival.
 */
final class OccupancyOfWindow extends DoFn<KV<String, Iterable<List<ParkingChange>>>, OccupancyRow> {
  private static final Comparator<ParkingChange> ORDER =
      Comparator.comparingLong(ParkingChange::time).thenComparing(ParkingChange::eventId);

  private final long horizon;
  private final Counter lateRows = Metrics.counter(MeasureParkingOccupancy.class, "late_rows");

  OccupancyOfWindow(Duration horizon) {
    this.horizon = horizon.getMillis();
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<List<ParkingChange>>> zone, IntervalWindow window,
      PaneInfo pane, OutputReceiver<OccupancyRow> out) {
    List<ParkingChange> carried = new ArrayList<>();
    zone.getValue().forEach(carried::addAll);
    OccupancyRow row = measure(zone.getKey(), window.start().getMillis(), window.end().getMillis(), carried, horizon);
    if (row == null) {
      return; // nothing known about the zone in this window
    }
    if (pane.getTiming() == PaneInfo.Timing.LATE) {
      lateRows.inc();
    }
    out.output(row);
  }

  /**
   * The zone's row for the window [start, end) from the reports carried into it, or null when no
   * unit's state is known at any time in the window.
   */
  static OccupancyRow measure(String zone, long start, long end, Iterable<ParkingChange> carried, long horizon) {
    Map<String, List<ParkingChange>> units = byUnit(carried, end);
    long arrivals = 0;
    long departures = 0;
    long dwellMillis = 0;
    long sessions = 0;
    TreeSet<Long> breaks = new TreeSet<>(List.of(start, end));
    for (List<ParkingChange> reports : units.values()) {
      ParkingChange previous = null;
      Long sessionStart = null;
      for (ParkingChange r : reports) {
        boolean known = previous != null && r.time() - previous.time() < horizon;
        int rise = known ? r.occupied() - previous.occupied() : 0;
        if (r.time() >= start) {
          arrivals += Math.max(0, rise);
          departures += Math.max(0, -rise);
          if (r.bay() && rise < 0 && sessionStart != null) {
            dwellMillis += r.time() - sessionStart;
            sessions++;
          }
        }
        if (r.bay()) {
          sessionStart = r.occupied() == 0 ? null : rise > 0 ? Long.valueOf(r.time())
              : known ? sessionStart : null;
        }
        previous = r;
        addIfInside(breaks, r.time(), start, end);
        addIfInside(breaks, r.time() + horizon, start, end);
      }
    }

    // Piecewise constant between breaks: sweep the known units' summed states through the pieces.
    StateSums sums = new StateSums(units.values(), horizon);
    double knownMillis = 0;
    double weighted = 0;
    double peak = 0;
    long freeAtEnd = 0;
    Long from = null;
    for (long to : breaks) {
      if (from != null) {
        sums.advanceTo(from);
        if (sums.capacity > 0) {
          double fraction = (double) sums.occupied / sums.capacity;
          knownMillis += to - from;
          weighted += fraction * (to - from);
          peak = Math.max(peak, fraction);
        }
        freeAtEnd = sums.capacity - sums.occupied;
      }
      from = to;
    }
    if (knownMillis == 0) {
      return null;
    }
    return new OccupancyRow(zone, start, end, weighted / knownMillis, peak, arrivals, departures, freeAtEnd,
        sessions == 0 ? null : dwellMillis / 1000.0 / sessions);
  }

  private static Map<String, List<ParkingChange>> byUnit(Iterable<ParkingChange> reports, long end) {
    Map<String, ParkingChange> byId = new TreeMap<>();
    for (ParkingChange r : reports) {
      if (r.time() < end) {
        byId.merge(r.eventId(), r, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
      }
    }
    Map<String, List<ParkingChange>> units = new TreeMap<>();
    for (ParkingChange r : byId.values()) {
      units.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r);
    }
    units.values().forEach(list -> list.sort(ORDER));
    return units;
  }

  /**
   * The occupied and capacity sums over the units whose state is known at an instant, for
   * instants visited in increasing order. A report is a unit's state from its time until the
   * unit's next report or until the stale horizon, whichever is first; each such interval is a
   * +state at its start and a -state at its end, so a sweep over the sorted deltas costs
   * O(reports log reports) per window instead of a scan of every unit at every break.
   */
  private static final class StateSums {
    private final long[][] deltas; // {time, occupied, capacity}
    private int next;
    long occupied;
    long capacity;

    StateSums(Iterable<List<ParkingChange>> units, long horizon) {
      List<long[]> all = new ArrayList<>();
      for (List<ParkingChange> reports : units) {
        for (int i = 0; i < reports.size(); i++) {
          ParkingChange r = reports.get(i);
          long until = r.time() + horizon;
          if (i + 1 < reports.size()) {
            until = Math.min(until, reports.get(i + 1).time());
          }
          all.add(new long[] {r.time(), r.occupied(), r.capacity()});
          all.add(new long[] {until, -r.occupied(), -r.capacity()});
        }
      }
      deltas = all.toArray(long[][]::new);
      Arrays.sort(deltas, Comparator.comparingLong(d -> d[0]));
    }

    void advanceTo(long instant) {
      for (; next < deltas.length && deltas[next][0] <= instant; next++) {
        occupied += deltas[next][1];
        capacity += deltas[next][2];
      }
    }
  }

  private static void addIfInside(TreeSet<Long> breaks, long time, long start, long end) {
    if (time > start && time < end) {
      breaks.add(time);
    }
  }
}
