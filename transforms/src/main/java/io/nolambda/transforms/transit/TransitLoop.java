package io.nolambda.transforms.transit;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.transforms.EventTimeWindows;
import io.nolambda.transforms.correlation.CoMoments;
import io.nolambda.transforms.correlation.PearsonCorrelationFn;
import io.nolambda.transforms.transit.MeasureCellStats.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;

/**
 * The rows of {@link MeasureCellStats} (stop_wait, cell_stats, correlation) and of {@link
 * KeepLatestPositions} (bus_latest) computed by a plain single-threaded loop over events in memory,
 * without a pipeline: the transforms' own checks and per-key functions, with their parameters (feed,
 * service date, windows, radius, gaps), grouped in hash maps. The benchmarks' baseline, and a check
 * of the pipeline.
 *
 * <p>What Beam's windowing does, the loop does: a fixed window is floor(time / size); a trip's visit
 * of a stop ends where its next candidate is a session gap or more later (Beam merges the session
 * windows [t, t + gap) that overlap); a row is stamped at its window's end minus 1 ms, which puts a
 * cell's row in the UTC day of its window.
 */
public final class TransitLoop {
  /** The four serving tables' rows. */
  public record Rows(List<StopWaitRow> stopWaits, List<CellStatsRow> cellStats, List<CorrelationRow> correlations,
      List<BusLatestRow> busLatest) {}

  /** A key's fixed window. */
  private record Window(String key, long start) {}

  private final MeasureCellStats measure;
  private final KeepLatestPositions latest;
  private final Map<String, String> stopCells;

  /** The loop of these transforms, as configured. */
  public TransitLoop(MeasureCellStats measure, KeepLatestPositions latest) {
    this.measure = measure;
    this.latest = latest;
    this.stopCells = MeasureCellStats.stopCells(measure.feed, measure.cells);
  }

  public Rows run(Iterable<CityEvent> events) {
    long size = measure.window.getMillis();
    long latestSize = latest.window.getMillis();
    DetectArrivals detect = measure.detectArrivals;
    Map<String, List<Arrival>> candidates = new HashMap<>();
    Map<Window, List<Part>> parts = new HashMap<>();
    Map<Window, SortedMap<String, Double>> speeds = new HashMap<>(); // by event id, in id order
    Map<Window, SortedMap<Long, KV<String, BusLatestRow>>> positions = new HashMap<>();
    for (CityEvent event : events) {
      long time = CityEvents.eventTime(event);
      if (event.getPayload() instanceof BusPosition p) {
        TripIndex.TripStops trip = detect.index.trip(p.getTripId());
        if (ArrivalCandidates.reason(detect.index, p, trip) == null) {
          for (Arrival a : ArrivalCandidates.candidates(detect.index, detect.radius, p, trip)) {
            candidates.computeIfAbsent(ArrivalCandidates.key(a.getTripId(), a.getStopId()), k -> new ArrayList<>())
                .add(a);
          }
        }
        if (MeasureBusSpeed.SpeedOfReport.reason(p) == null && p.getSpeedMps() != null) {
          speeds.computeIfAbsent(window(measure.cells.cellOf(p.getLat(), p.getLon()), time, size),
              w -> new TreeMap<>()).put(p.getEventId(), p.getSpeedMps());
        }
        BusLatestRow row = KeepLatestPositions.ByBus.row(p);
        if (row != null) {
          KeepLatestPositions.Latest.keep(positions.computeIfAbsent(window(p.getVehicleId(), time, latestSize),
              w -> new TreeMap<>()), KV.of(p.getEventId(), row), latest.latest);
        }
      } else if (event.getPayload() instanceof CityIncident i && MeasureCellStats.IncidentCells.reason(i) == null) {
        KV<String, Part> opened = MeasureCellStats.IncidentCells.opened(i, measure.cells);
        if (opened != null) {
          add(parts, opened, time, size);
        }
      }
    }

    List<StopWaitRow> stopWaits = stopWaits(arrivals(candidates, detect.gap.getMillis()), size);
    for (StopWaitRow row : stopWaits) {
      KV<String, Part> ewt = MeasureCellStats.EwtCells.ewt(row, stopCells);
      if (ewt != null) {
        add(parts, ewt, row.getWindowStart(), size);
      }
    }
    speeds.forEach((w, byId) -> add(parts,
        MeasureCellStats.SpeedCells.speed(w.key(), MeasureBusSpeed.MeanOfDistinct.mean(byId)), w.start(), size));
    List<CellStatsRow> cellStats = new ArrayList<>();
    parts.forEach((w, of) -> cellStats.add(MeasureCellStats.ToCellStats.row(w.key(), w.start(), w.start() + size, of)));
    List<BusLatestRow> busLatest = new ArrayList<>();
    positions.values().forEach(bus -> busLatest.addAll(KeepLatestPositions.Latest.rows(bus)));
    return new Rows(stopWaits, cellStats, correlations(cellStats), busLatest);
  }

  /** The earliest candidate of each visit of a trip at a stop. */
  private static List<Arrival> arrivals(Map<String, List<Arrival>> candidates, long gap) {
    List<Arrival> arrivals = new ArrayList<>();
    for (List<Arrival> tripAtStop : candidates.values()) {
      tripAtStop.sort(Comparator.comparingLong(Arrival::getArrivalTime));
      List<Arrival> visit = new ArrayList<>();
      for (Arrival a : tripAtStop) {
        if (!visit.isEmpty() && a.getArrivalTime() - visit.get(visit.size() - 1).getArrivalTime() >= gap) {
          arrivals.add(DetectArrivals.Earliest.earliest(visit));
          visit.clear();
        }
        visit.add(a);
      }
      arrivals.add(DetectArrivals.Earliest.earliest(visit));
    }
    return arrivals;
  }

  /** Each arrival carried into the windows of its stop it reaches, measured per stop and window. */
  private List<StopWaitRow> stopWaits(List<Arrival> arrivals, long size) {
    MeasureStopWaits waits = measure.stopWaits;
    Map<Window, List<Arrival>> carried = new HashMap<>();
    for (Arrival a : arrivals) {
      String stop = MeasureStopWaits.key(a.getRouteId(), a.getDirectionId(), a.getStopId());
      EventTimeWindows.startsUpTo(a.getArrivalTime(), size, waits.maxHeadway.getMillis()) // as MeasureStopWaits.Carry
          .forEach(start -> carried.computeIfAbsent(new Window(stop, start), w -> new ArrayList<>()).add(a));
    }
    List<StopWaitRow> rows = new ArrayList<>();
    carried.forEach((w, of) -> {
      StopWaitRow row = MeasureStopWaits.WaitOfWindow.measure(w.start(), w.start() + size, of,
          waits.schedule.get(w.key()), waits.maxHeadway.getMillis(), waits.dedupGap.getMillis());
      if (row != null) {
        rows.add(row);
      }
    });
    return rows;
  }

  /** Pearson's r per UTC day and pair of measures over the cell rows. */
  private static List<CorrelationRow> correlations(List<CellStatsRow> cellStats) {
    long day = MeasureCellStats.CORRELATION_WINDOW.getMillis();
    PearsonCorrelationFn pearson = new PearsonCorrelationFn();
    Map<Window, CoMoments> moments = new HashMap<>();
    for (CellStatsRow row : cellStats) {
      for (KV<String, KV<Double, Double>> pair : MeasureCellStats.Pairs.pairs(row)) {
        pearson.addInput(moments.computeIfAbsent(window(pair.getKey(), row.getWindowEnd() - 1, day),
            w -> pearson.createAccumulator()), pair.getValue());
      }
    }
    List<CorrelationRow> rows = new ArrayList<>();
    moments.forEach((w, m) ->
        rows.add(MeasureCellStats.ToCorrelationRow.row(w.start(), w.key(), pearson.extractOutput(m))));
    return rows;
  }

  private static void add(Map<Window, List<Part>> parts, KV<String, Part> part, long time, long size) {
    parts.computeIfAbsent(window(part.getKey(), time, size), w -> new ArrayList<>()).add(part.getValue());
  }

  private static Window window(String key, long time, long size) {
    return new Window(key, Math.floorDiv(time, size) * size);
  }
}
