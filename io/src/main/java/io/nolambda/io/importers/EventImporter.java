package io.nolambda.io.importers;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns one kind of source file into events. Malformed rows are reported as {@link RejectedRow}s
 * with their line number and reason, never dropped silently; events come in file order and carry
 * a stable {@code event_id} derived from the row, so importing the same file again gives the same
 * ids.
 *
 * @param <T> the event class
 */
public non-sealed interface EventImporter<T extends SpecificRecord> extends Importer {

  Class<T> eventClass();

  /**
   * Streams the data rows of {@code file} in file order, one {@link ParsedRow} per row; nothing is
   * held in memory beyond the current row. Close the stream (try-with-resources) to close the
   * file.
   *
   * @throws IOException if the file cannot be opened or its header lacks a required column; a
   *     read error in the middle of the file surfaces as {@link UncheckedIOException}
   */
  Stream<ParsedRow<T>> rows(Path file) throws IOException;

  /** Reads the whole file. */
  default ImportResult<T> read(Path file) throws IOException {
    return ImportResult.collect(rows(file));
  }

  /** {@link #rows} with every event wrapped in the {@link CityEvent} envelope. */
  default Stream<ParsedRow<CityEvent>> cityEventRows(Path file) throws IOException {
    return rows(file)
        .map(
            row ->
                row.isRejected()
                    ? ParsedRow.<CityEvent>rejected(row.rejected())
                    : ParsedRow.accepted(
                        row.lineNumber(),
                        row.events().stream().map(e -> CityEvents.of(e)).toList()));
  }
}
