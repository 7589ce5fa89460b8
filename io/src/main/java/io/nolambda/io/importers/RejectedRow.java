package io.nolambda.io.importers;

import java.util.Objects;

/**
 * A source row that could not be turned into an event.
 *
 * @param lineNumber 1-based line of the file where the row starts (the header is line 1)
 * @param reason what is wrong, naming the column, e.g. {@code "vehicle.timestamp: not an integer: 'x'"}
 * @param raw the row as read, re-encoded as one CSV line (may differ from the file in quoting)
 */
public record RejectedRow(long lineNumber, String reason, String raw) {
  public RejectedRow {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public String toString() {
    return "line " + lineNumber + ": " + reason;
  }
}
