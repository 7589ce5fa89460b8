package io.nolambda.cli.bench;

import java.util.List;

/** One line of the report: a write (reader "write") or a timed scan. */
public record Result(String layout, String reader, String columns, String filter, long events, long bytesOnDisk,
    double seconds) {
  public static final List<String> HEADER =
      List.of("layout", "reader", "columns", "filter", "events", "bytes_on_disk", "seconds", "events_per_s");

  public double eventsPerSecond() {
    return events / Math.max(seconds, 1e-9);
  }

  /** The values in {@link #HEADER} order: seconds to the microsecond, events/s to 0.1. */
  public List<String> cells() {
    return List.of(layout, reader, columns, filter, Long.toString(events), Long.toString(bytesOnDisk),
        String.format("%.6f", seconds), String.format("%.1f", eventsPerSecond()));
  }
}
