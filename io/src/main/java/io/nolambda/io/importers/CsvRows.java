package io.nolambda.io.importers;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data rows of one CSV stream with their line numbers, the column count checked against the
 * header. A CSV syntax error (an unterminated quote, a character after a closing quote) cannot be
 * resynchronised: it comes back as a rejected row at the line after the last good record, the
 * reason saying that the rest of the file was not read, and ends the rows.
 */
final class CsvRows implements Closeable {

  /** A row whose column count matches the header, or the reason it was rejected. */
  record Next(CsvRow row, RejectedRow rejected) {}

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int columns;
  private boolean done;

  private CsvRows(CSVParser parser, int columns) {
    this.parser = parser;
    this.records = parser.iterator();
    this.columns = columns;
  }

  /**
   * Reads the header; closes {@code in} on failure.
   *
   * @param source the file (or zip entry) name for messages
   * @param kind what the file should be, for messages, e.g. {@code "transit"}
   * @throws IOException if the header cannot be read or lacks one of {@code required}
   */
  static CsvRows open(InputStream in, String source, String kind, List<String> required)
      throws IOException {
    CSVParser parser;
    try {
      parser = CsvFiles.parser(CsvFiles.utf8(in));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw new IOException(source + ": cannot read the CSV header: " + e.getMessage(), e);
    }
    Map<String, Integer> header = parser.getHeaderMap();
    List<String> missing =
        required.stream().filter(c -> header == null || !header.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      parser.close();
      throw new IOException(
          source + ": not a " + kind + " file, the header lacks " + missing + "; header is "
              + (header == null ? "empty" : header.keySet()));
    }
    return new CsvRows(parser, Collections.max(header.values()) + 1);
  }

  /**
   * The next data row, or {@code null} at the end.
   *
   * @throws UncheckedIOException on a read error (not a syntax error) of the underlying stream
   */
  Next next() {
    if (done) {
      return null;
    }
    long previousEnd = parser.getCurrentLineNumber();
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        done = true;
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof CSVException)) {
        throw e;
      }
      done = true;
      return new Next(
          null,
          new RejectedRow(
              previousEnd + 1,
              "CSV syntax error, rest of file not read: " + e.getCause().getMessage(),
              ""));
    }
    long line = startLine(record, parser.getCurrentLineNumber());
    if (record.size() != columns) {
      return new Next(
          null,
          new RejectedRow(
              line,
              "expected " + columns + " columns as in the header, found " + record.size(),
              CsvFiles.encode(record)));
    }
    return new Next(new CsvRow(line, record), null);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /**
   * The parser counts lines up to the end of the record just read; a quoted field may span
   * lines, so subtract the line breaks inside the values (CRLF, CR or LF each count once).
   */
  private static long startLine(CSVRecord record, long endLine) {
    long breaks = 0;
    for (String value : record) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
          breaks++;
        }
      }
    }
    return endLine - breaks;
  }
}
