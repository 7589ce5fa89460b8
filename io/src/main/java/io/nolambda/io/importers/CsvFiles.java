package io.nolambda.io.importers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/** Opening of the source files: optional gzip, UTF-8 with an optional byte-order mark, RFC 4180 CSV. */
final class CsvFiles {
  private CsvFiles() {}

  /**
   * RFC 4180 with a header line. Empty header names are allowed (the WMATA export starts with an
   * unnamed index column); blank lines are skipped (they are not rows); fields are not trimmed
   * here, the field accessors of {@link CsvRow} trim.
   */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setAllowMissingColumnNames(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
          .setIgnoreEmptyLines(true)
          .get();

  /** Re-encodes field values as one CSV line, for {@link RejectedRow#raw()}. */
  static String encode(Iterable<String> values) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    try {
      for (String value : values) {
        CSVFormat.RFC4180.print(value, out, first); // adds the delimiter unless first
        first = false;
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // StringBuilder does not throw
    }
    return out.toString();
  }

  /** Opens a plain or gzip-compressed (detected by its magic bytes, not its name) file. */
  static InputStream openMaybeGzip(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new GZIPInputStream(in, 1 << 16);
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** A UTF-8 reader that drops a leading byte-order mark (common in GTFS files). */
  static Reader utf8(InputStream in) throws IOException {
    PushbackReader reader =
        new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  static CSVParser parser(Reader reader) throws IOException {
    return CSVParser.parse(reader, FORMAT);
  }
}
