package io.nolambda.testing.equivalence;

import com.datastax.driver.core.ColumnDefinitions;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A serving table's rows as plain maps (column name to value), read with the driver. */
public final class ServingRows {
  private ServingRows() {}

  /** The columns that place a row in time, in the order looked for: the first a table has is its time. */
  private static final List<String> TIME_COLUMNS = List.of("window_start", "day", "event_time");

  /** The rows of {@code keyspace.table} whose time (see {@link #TIME_COLUMNS}; every row if none) is before {@code cutoff}. */
  public static List<Map<String, Object>> read(Session session, String keyspace, String table, long cutoff) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : session.execute("SELECT * FROM " + keyspace + "." + table)) {
      Map<String, Object> values = new TreeMap<>();
      for (ColumnDefinitions.Definition column : row.getColumnDefinitions()) {
        values.put(column.getName(), row.getObject(column.getName()));
      }
      Object time = TIME_COLUMNS.stream().filter(values::containsKey).findFirst().map(values::get).orElse(null);
      if (!(time instanceof Long millis) || millis < cutoff) {
        rows.add(values);
      }
    }
    return rows;
  }

  /**
   * What differs between two sets of rows: rows are matched by their non-double columns (the
   * key and the counts); doubles must agree to {@code relative} (relative to the larger magnitude).
   */
  public static List<String> differences(List<Map<String, Object>> expected, List<Map<String, Object>> actual, double relative) {
    Map<String, Map<String, Object>> byKey = index(actual);
    List<String> diffs = new ArrayList<>();
    Map<String, Map<String, Object>> expectedByKey = index(expected);
    for (Map.Entry<String, Map<String, Object>> e : expectedByKey.entrySet()) {
      Map<String, Object> other = byKey.remove(e.getKey());
      if (other == null) {
        diffs.add("missing " + e.getValue());
        continue;
      }
      for (Map.Entry<String, Object> column : e.getValue().entrySet()) {
        if (column.getValue() instanceof Double a && other.get(column.getKey()) instanceof Double b
            && Math.abs(a - b) > relative * Math.max(Math.abs(a), Math.abs(b))) {
          diffs.add(column.getKey() + " " + a + " vs " + b + " in " + e.getValue());
        }
      }
    }
    byKey.values().forEach(extra -> diffs.add("unexpected " + extra));
    return diffs;
  }

  private static Map<String, Map<String, Object>> index(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byKey = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      StringBuilder key = new StringBuilder();
      row.forEach((column, value) -> {
        if (!(value instanceof Double)) {
          key.append(column).append('=').append(value).append(';');
        }
      });
      byKey.put(key.toString(), row);
    }
    return byKey;
  }
}
