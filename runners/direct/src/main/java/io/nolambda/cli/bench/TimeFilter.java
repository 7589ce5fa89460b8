package io.nolambda.cli.bench;

import io.nolambda.events.BusPosition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** An event-time range [from, to) a scan keeps, or {@link #NONE}. */
record TimeFilter(String label, long from, long to) implements Serializable {
  static final TimeFilter NONE = new TimeFilter("none", Long.MIN_VALUE, Long.MAX_VALUE);

  /** The range holding the middle 10% of events sorted by time. */
  static TimeFilter middleTenth(List<BusPosition> sorted) {
    return new TimeFilter("time_10pct", sorted.get(sorted.size() * 45 / 100).getEventTime(),
        sorted.get(sorted.size() * 55 / 100).getEventTime());
  }

  boolean filters() {
    return from != Long.MIN_VALUE || to != Long.MAX_VALUE;
  }

  boolean contains(long eventTime) {
    return eventTime >= from && eventTime < to;
  }

  long count(List<BusPosition> events) {
    return events.stream().filter(e -> contains(e.getEventTime())).count();
  }

  /** The projection plus the time column where a reader filters rows itself. */
  List<String> columnsToRead(List<String> projection) {
    List<String> read = new ArrayList<>(projection);
    if (filters() && !read.contains(BenchEvents.TIME_COLUMN)) {
      read.add(BenchEvents.TIME_COLUMN);
    }
    return read;
  }
}
