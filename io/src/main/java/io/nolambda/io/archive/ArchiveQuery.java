package io.nolambda.io.archive;

import io.nolambda.io.cassandra.ServingTables;
import java.io.Serializable;
import java.util.List;

/**
 * What to read from a dataset: the columns (null = all, in schema order), the event-time range
 * [fromMillis, toMillis) and filters that every returned row passes (AND).
 */
public record ArchiveQuery(String dataset, List<String> columns, long fromMillis, long toMillis, List<Filter> filters)
    implements Serializable {

  public ArchiveQuery {
    ServingTables.checkIdentifier(dataset);
    columns = columns == null ? null : List.copyOf(columns);
    filters = List.copyOf(filters);
    if (fromMillis >= toMillis) {
      throw new IllegalArgumentException("empty time range [" + fromMillis + ", " + toMillis + ")");
    }
  }

  /** Every column of the whole dataset. */
  public static ArchiveQuery all(String dataset) {
    return new ArchiveQuery(dataset, null, Long.MIN_VALUE, Long.MAX_VALUE, List.of());
  }

  public ArchiveQuery withColumns(String... names) {
    return new ArchiveQuery(dataset, List.of(names), fromMillis, toMillis, filters);
  }

  public ArchiveQuery withColumns(List<String> names) {
    return new ArchiveQuery(dataset, names, fromMillis, toMillis, filters);
  }

  public ArchiveQuery withTimeRange(long from, long to) {
    return new ArchiveQuery(dataset, columns, from, to, filters);
  }

  public ArchiveQuery withFilters(Filter... more) {
    return withFilters(List.of(more));
  }

  public ArchiveQuery withFilters(List<Filter> more) {
    List<Filter> all = new java.util.ArrayList<>(filters);
    all.addAll(more);
    return new ArchiveQuery(dataset, columns, fromMillis, toMillis, all);
  }
}
