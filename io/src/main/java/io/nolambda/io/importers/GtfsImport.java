package io.nolambda.io.importers;

import io.nolambda.gtfs.GtfsFeed;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link GtfsImporter} read from a feed: the feed, its service calendar, and per file the
 * rows read, kept, filtered out (not of the service date) and rejected.
 *
 * @param serviceDate the date whose services the feed was restricted to, or {@code null} when it
 *     holds every trip
 * @param files per GTFS file read, in reading order
 */
public record GtfsImport(
    GtfsFeed feed, GtfsCalendar calendar, LocalDate serviceDate, Map<String, FileReport> files) {

  /**
   * The rows of one file: {@code rowsRead == accepted + filtered + rejected.size()}.
   *
   * @param filtered rows left out on purpose: trips not running on the service date and their
   *     stop times
   */
  public record FileReport(
      String file, long rowsRead, long accepted, long filtered, List<RejectedRow> rejected) {
    public FileReport {
      rejected = List.copyOf(rejected);
      if (rowsRead != accepted + filtered + rejected.size()) {
        throw new IllegalStateException(
            file + ": rows read (" + rowsRead + ") != accepted (" + accepted + ") + filtered ("
                + filtered + ") + rejected (" + rejected.size() + ")");
      }
    }
  }

  public GtfsImport {
    Objects.requireNonNull(feed);
    Objects.requireNonNull(calendar);
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** The rejected rows of {@code file} (e.g. {@code "stop_times.txt"}); empty if none or not read. */
  public List<RejectedRow> rejected(String file) {
    FileReport report = files.get(file);
    return report == null ? List.of() : report.rejected();
  }

  public long rejectedCount() {
    return files.values().stream().mapToLong(f -> f.rejected().size()).sum();
  }

  /** One line for logs and the CLI. */
  public String summary() {
    return files.values().stream()
        .map(
            f ->
                f.file() + " " + f.rowsRead() + " rows: " + f.accepted() + " kept"
                    + (f.filtered() > 0 ? ", " + f.filtered() + " not on " + serviceDate : "")
                    + ", " + f.rejected().size() + " rejected")
        .collect(Collectors.joining("; "));
  }
}
