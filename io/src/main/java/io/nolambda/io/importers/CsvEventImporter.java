package io.nolambda.io.importers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * Base of the CSV importers: opens the (optionally gzipped) file with Commons CSV, checks the
 * header for the required columns, and streams one {@link ParsedRow} per data row in file order.
 *
 * <p>A row is rejected, with its line number and the reason, when its field count differs from
 * the header's or when the mapper throws a {@link RowException}. A CSV syntax error (an
 * unterminated quote, a character after a closing quote) cannot be resynchronised: it is reported
 * as a rejected row and ends the stream, the reason saying that the rest of the file was not
 * read.
 */
public abstract class CsvEventImporter<T extends SpecificRecord> implements EventImporter<T> {

  /** Maps one row to its events; may keep state across the rows of one file. */
  @FunctionalInterface
  protected interface RowMapper<T> {
    List<T> map(CsvRow row) throws RowException;
  }

  private final String dataset;
  private final String defaultFile;
  private final Class<T> eventClass;
  private final List<String> requiredColumns;

  protected CsvEventImporter(
      String dataset, String defaultFile, Class<T> eventClass, List<String> requiredColumns) {
    this.dataset = Objects.requireNonNull(dataset);
    this.defaultFile = Objects.requireNonNull(defaultFile);
    this.eventClass = Objects.requireNonNull(eventClass);
    this.requiredColumns = List.copyOf(requiredColumns);
  }

  /** A fresh mapper for one pass over one file. */
  protected abstract RowMapper<T> newMapper();

  @Override
  public final String dataset() {
    return dataset;
  }

  @Override
  public final String defaultFile() {
    return defaultFile;
  }

  @Override
  public final Class<T> eventClass() {
    return eventClass;
  }

  /** The header columns this importer reads; others are ignored. */
  public final List<String> requiredColumns() {
    return requiredColumns;
  }

  @Override
  public final Stream<ParsedRow<T>> rows(Path file) throws IOException {
    CsvRows rows =
        CsvRows.open(CsvFiles.openMaybeGzip(file), file.toString(), dataset, requiredColumns);
    RowMapper<T> mapper = newMapper();
    Spliterator<ParsedRow<T>> spliterator =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super ParsedRow<T>> action) {
            CsvRows.Next next = rows.next();
            if (next == null) {
              return false;
            }
            action.accept(next.row() == null ? ParsedRow.rejected(next.rejected()) : map(next.row()));
            return true;
          }

          private ParsedRow<T> map(CsvRow row) {
            try {
              return ParsedRow.accepted(row.lineNumber(), mapper.map(row));
            } catch (RowException e) {
              return ParsedRow.rejected(new RejectedRow(row.lineNumber(), e.getMessage(), row.raw()));
            }
          }
        };
    return StreamSupport.stream(spliterator, false)
        .onClose(
            () -> {
              try {
                rows.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
