package io.nolambda.io.importers;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one data row of a source file: either the events built from it (usually one; a
 * 311 row with a closed date gives two) or the reason it was rejected.
 *
 * @param lineNumber 1-based line of the file where the row starts
 * @param events the events of an accepted row, in emission order; empty when rejected
 * @param rejected why the row was rejected, or {@code null} when it was accepted
 */
public record ParsedRow<T>(long lineNumber, List<T> events, RejectedRow rejected) {
  public ParsedRow {
    events = List.copyOf(events);
    if (rejected != null && !events.isEmpty()) {
      throw new IllegalArgumentException("a rejected row has no events");
    }
    if (rejected == null && events.isEmpty()) {
      throw new IllegalArgumentException("an accepted row has at least one event");
    }
  }

  public static <T> ParsedRow<T> accepted(long lineNumber, List<T> events) {
    return new ParsedRow<>(lineNumber, events, null);
  }

  public static <T> ParsedRow<T> rejected(RejectedRow row) {
    return new ParsedRow<>(Objects.requireNonNull(row).lineNumber(), List.of(), row);
  }

  public boolean isRejected() {
    return rejected != null;
  }
}
