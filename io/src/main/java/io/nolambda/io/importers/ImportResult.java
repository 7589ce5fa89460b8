package io.nolambda.io.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything read from one source file: the events in file order and the rejected rows.
 *
 * <p>Every data row is accounted for: {@code rowsRead == acceptedRows + rejected.size()}. Most
 * sources give one event per accepted row; the 311 importer gives a second (CLOSED) event for a
 * row with a closed date, so {@code events.size()} may exceed {@code acceptedRows}.
 */
public record ImportResult<T>(
    List<T> events, List<RejectedRow> rejected, long rowsRead, long acceptedRows) {

  public ImportResult {
    events = List.copyOf(events);
    rejected = List.copyOf(rejected);
    if (rowsRead != acceptedRows + rejected.size()) {
      throw new IllegalStateException(
          "rows read (" + rowsRead + ") != accepted (" + acceptedRows + ") + rejected ("
              + rejected.size() + ")");
    }
    if (events.size() < acceptedRows) {
      throw new IllegalStateException("fewer events than accepted rows");
    }
  }

  /** Collects a row stream (and closes it). */
  public static <T> ImportResult<T> collect(Stream<ParsedRow<T>> rows) {
    List<T> events = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    long[] counts = new long[2]; // read, accepted
    try (rows) {
      rows.forEachOrdered(
          row -> {
            counts[0]++;
            if (row.isRejected()) {
              rejected.add(row.rejected());
            } else {
              counts[1]++;
              events.addAll(row.events());
            }
          });
    }
    return new ImportResult<>(events, rejected, counts[0], counts[1]);
  }

  /** One line for logs and the CLI, e.g. {@code "20777 rows: 20777 events, 0 rejected"}. */
  public String summary() {
    return rowsRead + " rows: " + events.size() + " events, " + rejected.size() + " rejected";
  }
}
