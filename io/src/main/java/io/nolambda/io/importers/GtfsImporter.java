package io.nolambda.io.importers;

import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A GTFS static feed (a zip of CSV files) to a {@link GtfsFeed}: the agency time zone, stops,
 * trips and stop times, plus the service calendar.
 *
 * <p>A feed holds the trips of every service (weekday, Saturday, holiday...). Schedule metrics for
 * one day need only the trips running that day: {@link #read(Path, LocalDate)} keeps those (by
 * calendar.txt and calendar_dates.txt) and their stop times; the others are counted as filtered.
 * The WMATA extract holds 8 services; on 2026-02-16 (Presidents' Day, a Monday) calendar_dates
 * removes the weekday service 9 and adds the holiday service 4, the one every trip of the
 * position file belongs to. Trips of the previous service day that run past midnight (times of
 * 24:00:00 and later) are not included.
 *
 * <p>Files: agency.txt (the first agency's {@code agency_timezone}; an agency with another zone
 * is rejected, GTFS requires one zone), stops.txt, trips.txt, stop_times.txt, and calendar.txt
 * and/or calendar_dates.txt (optional unless a service date is given). Entries may sit in a
 * folder of the zip. A UTF-8 byte-order mark is ignored.
 *
 * <p>Rejected rows (reported per file with line numbers): missing or unparsable required fields,
 * duplicate ids, a stop without coordinates, a trip without direction_id (GTFS makes it optional,
 * the model needs it), a stop time of an unknown trip or stop, or without any time (untimed stops
 * are not interpolated), or departing before it arrives, or repeating a (trip, stop_sequence).
 * Stop times {@code H:MM:SS} become seconds after the start of the service day (GTFS: noon minus
 * 12 h); hours may be 24 and more for trips running past midnight.
 */
public final class GtfsImporter implements Importer {
  public static final String AGENCY = "agency.txt";
  public static final String STOPS = "stops.txt";
  public static final String TRIPS = "trips.txt";
  public static final String STOP_TIMES = "stop_times.txt";
  public static final String CALENDAR = "calendar.txt";
  public static final String CALENDAR_DATES = "calendar_dates.txt";

  private static final Pattern TIME = Pattern.compile("(\\d{1,3}):([0-5]\\d):([0-5]\\d)");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final List<String> DAY_COLUMNS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  @Override
  public String dataset() {
    return Importers.GTFS;
  }

  @Override
  public String defaultFile() {
    return "transit/wmata-gtfs-C53-D40-D96.zip";
  }

  /** The whole feed, every service. */
  public GtfsImport read(Path zip) throws IOException {
    return read(zip, null);
  }

  /**
   * The feed restricted to the trips running on {@code serviceDate} (all trips when null).
   *
   * @throws IOException if the zip cannot be read, a required file or column is missing, no agency
   *     has a valid time zone, or a service date is given and the feed has no calendar
   */
  public GtfsImport read(Path zip, LocalDate serviceDate) throws IOException {
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      return new Reading(zip, zipFile, serviceDate).read();
    }
  }

  /** State of one read of one feed. */
  private static final class Reading {
    private final Path zip;
    private final ZipFile zipFile;
    private final LocalDate serviceDate;
    private final Map<String, GtfsImport.FileReport> reports = new LinkedHashMap<>();

    Reading(Path zip, ZipFile zipFile, LocalDate serviceDate) {
      this.zip = zip;
      this.zipFile = zipFile;
      this.serviceDate = serviceDate;
    }

    GtfsImport read() throws IOException {
      ZoneId zone = readAgency();
      GtfsCalendar calendar = readCalendar();
      if (serviceDate != null && calendar.isEmpty()) {
        throw new IOException(
            zip + ": no " + CALENDAR + " or " + CALENDAR_DATES + ", cannot select the services of "
                + serviceDate);
      }
      Map<String, Stop> stops = readStops();
      Set<String> filteredTrips = new HashSet<>();
      Map<String, Trip> trips = readTrips(calendar, filteredTrips);
      List<StopTime> stopTimes = readStopTimes(stops, trips, filteredTrips);
      return new GtfsImport(
          new GtfsFeed(zone, stops, trips, stopTimes), calendar, serviceDate, reports);
    }

    private ZoneId readAgency() throws IOException {
      ZoneId[] zone = new ZoneId[1];
      forEachRow(
          AGENCY,
          true,
          List.of("agency_timezone"),
          row -> {
            String value = row.requiredText("agency_timezone");
            ZoneId z;
            try {
              z = ZoneId.of(value);
            } catch (DateTimeException e) {
              throw new RowException("agency_timezone: not a time zone: '" + value + "'");
            }
            if (zone[0] != null && !zone[0].equals(z)) {
              throw new RowException(
                  "agency_timezone: " + z + " differs from the feed's " + zone[0]);
            }
            zone[0] = z;
            return true;
          });
      if (zone[0] == null) {
        throw new IOException(zip + ": " + AGENCY + " has no agency with a valid time zone");
      }
      return zone[0];
    }

    private GtfsCalendar readCalendar() throws IOException {
      Map<String, GtfsCalendar.WeeklyService> weekly = new HashMap<>();
      List<String> calendarColumns = new ArrayList<>(List.of("service_id", "start_date", "end_date"));
      calendarColumns.addAll(DAY_COLUMNS);
      forEachRow(
          CALENDAR,
          false,
          calendarColumns,
          row -> {
            String service = row.requiredText("service_id");
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < DAY_COLUMNS.size(); i++) {
              int flag = row.requiredInt(DAY_COLUMNS.get(i));
              if (flag != 0 && flag != 1) {
                throw new RowException(DAY_COLUMNS.get(i) + ": not 0 or 1: " + flag);
              }
              if (flag == 1) {
                days.add(DayOfWeek.of(i + 1));
              }
            }
            LocalDate start = date(row, "start_date");
            LocalDate end = date(row, "end_date");
            if (end.isBefore(start)) {
              throw new RowException("end_date: before start_date");
            }
            if (weekly.containsKey(service)) {
              throw new RowException("service_id: duplicate '" + service + "'");
            }
            weekly.put(service, new GtfsCalendar.WeeklyService(days, start, end));
            return true;
          });
      Map<String, Map<LocalDate, Boolean>> exceptions = new HashMap<>();
      forEachRow(
          CALENDAR_DATES,
          false,
          List.of("service_id", "date", "exception_type"),
          row -> {
            String service = row.requiredText("service_id");
            LocalDate date = date(row, "date");
            int type = row.requiredInt("exception_type");
            if (type != 1 && type != 2) {
              throw new RowException("exception_type: not 1 (added) or 2 (removed): " + type);
            }
            Map<LocalDate, Boolean> dates = exceptions.computeIfAbsent(service, s -> new HashMap<>());
            if (dates.containsKey(date)) {
              throw new RowException("duplicate exception for service '" + service + "' on " + date);
            }
            dates.put(date, type == 1);
            return true;
          });
      return new GtfsCalendar(weekly, exceptions);
    }

    private Map<String, Stop> readStops() throws IOException {
      Map<String, Stop> stops = new HashMap<>();
      forEachRow(
          STOPS,
          true,
          List.of("stop_id", "stop_lat", "stop_lon"),
          row -> {
            String id = row.requiredText("stop_id");
            if (stops.containsKey(id)) {
              throw new RowException("stop_id: duplicate '" + id + "'");
            }
            stops.put(
                id,
                new Stop(
                    id,
                    row.text("stop_name"),
                    row.requiredCoordinate("stop_lat", 90),
                    row.requiredCoordinate("stop_lon", 180)));
            return true;
          });
      return stops;
    }

    private Map<String, Trip> readTrips(GtfsCalendar calendar, Set<String> filtered)
        throws IOException {
      Map<String, Trip> trips = new HashMap<>();
      forEachRow(
          TRIPS,
          true,
          List.of("route_id", "service_id", "trip_id"),
          row -> {
            String id = row.requiredText("trip_id");
            if (trips.containsKey(id) || filtered.contains(id)) {
              throw new RowException("trip_id: duplicate '" + id + "'");
            }
            String service = row.requiredText("service_id");
            Trip trip = new Trip(id, row.requiredText("route_id"), service, direction(row));
            if (serviceDate != null && !calendar.runsOn(service, serviceDate)) {
              filtered.add(id);
              return false;
            }
            trips.put(id, trip);
            return true;
          });
      return trips;
    }

    private List<StopTime> readStopTimes(
        Map<String, Stop> stops, Map<String, Trip> trips, Set<String> filteredTrips)
        throws IOException {
      List<StopTime> stopTimes = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      forEachRow(
          STOP_TIMES,
          true,
          List.of("trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"),
          row -> {
            String tripId = row.requiredText("trip_id");
            if (filteredTrips.contains(tripId)) {
              return false;
            }
            if (!trips.containsKey(tripId)) {
              throw new RowException("trip_id: no such trip '" + tripId + "'");
            }
            String stopId = row.requiredText("stop_id");
            if (!stops.containsKey(stopId)) {
              throw new RowException("stop_id: no such stop '" + stopId + "'");
            }
            int sequence = row.requiredInt("stop_sequence");
            if (sequence < 0) {
              throw new RowException("stop_sequence: negative: " + sequence);
            }
            Integer arrival = seconds(row, "arrival_time");
            Integer departure = seconds(row, "departure_time");
            if (arrival == null && departure == null) {
              throw new RowException(
                  "arrival_time and departure_time: both missing (untimed stops are not"
                      + " interpolated)");
            }
            if (arrival == null) {
              arrival = departure;
            } else if (departure == null) {
              departure = arrival;
            }
            if (departure < arrival) {
              throw new RowException("departure_time: before arrival_time");
            }
            if (!seen.add(tripId + '\u001f' + sequence)) {
              throw new RowException(
                  "stop_sequence: duplicate " + sequence + " in trip '" + tripId + "'");
            }
            stopTimes.add(new StopTime(tripId, stopId, sequence, arrival, departure));
            return true;
          });
      return stopTimes;
    }

    /** Maps a row; returns true when kept, false when filtered; throws to reject it. */
    @FunctionalInterface
    private interface RowHandler {
      boolean handle(CsvRow row) throws RowException;
    }

    private void forEachRow(
        String file, boolean required, List<String> columns, RowHandler handler)
        throws IOException {
      ZipEntry entry = find(file);
      if (entry == null) {
        if (required) {
          throw new IOException(zip + ": no " + file + " in the feed");
        }
        return;
      }
      long read = 0;
      long accepted = 0;
      long filtered = 0;
      List<RejectedRow> rejected = new ArrayList<>();
      InputStream in = zipFile.getInputStream(entry);
      try (CsvRows rows = CsvRows.open(in, zip + "!" + entry.getName(), "GTFS " + file, columns)) {
        for (CsvRows.Next next = rows.next(); next != null; next = rows.next()) {
          read++;
          if (next.rejected() != null) {
            rejected.add(next.rejected());
            continue;
          }
          try {
            if (handler.handle(next.row())) {
              accepted++;
            } else {
              filtered++;
            }
          } catch (RowException e) {
            rejected.add(
                new RejectedRow(next.row().lineNumber(), e.getMessage(), next.row().raw()));
          }
        }
      }
      reports.put(file, new GtfsImport.FileReport(file, read, accepted, filtered, rejected));
    }

    /** The entry named {@code file}, at the root or in a folder of the zip. */
    private ZipEntry find(String file) {
      ZipEntry entry = zipFile.getEntry(file);
      if (entry != null) {
        return entry;
      }
      for (Enumeration<? extends ZipEntry> e = zipFile.entries(); e.hasMoreElements(); ) {
        ZipEntry candidate = e.nextElement();
        if (!candidate.isDirectory() && candidate.getName().endsWith("/" + file)) {
          return candidate;
        }
      }
      return null;
    }
  }

  private static int direction(CsvRow row) throws RowException {
    int direction = row.requiredInt("direction_id");
    if (direction != 0 && direction != 1) {
      throw new RowException("direction_id: not 0 or 1: " + direction);
    }
    return direction;
  }

  private static LocalDate date(CsvRow row, String column) throws RowException {
    String value = row.requiredText(column);
    try {
      return LocalDate.parse(value, DATE);
    } catch (DateTimeParseException e) {
      throw new RowException(column + ": not a YYYYMMDD date: '" + value + "'");
    }
  }

  /**
   * A GTFS time {@code H:MM:SS} or {@code HH:MM:SS} (hours may be 24 and more) as seconds after
   * the start of the service day, or null when blank.
   */
  static Integer seconds(CsvRow row, String column) throws RowException {
    String value = row.text(column);
    if (value.isEmpty()) {
      return null;
    }
    Matcher m = TIME.matcher(value);
    if (!m.matches()) {
      throw new RowException(column + ": not a H:MM:SS time: '" + value + "'");
    }
    return Integer.parseInt(m.group(1)) * 3600
        + Integer.parseInt(m.group(2)) * 60
        + Integer.parseInt(m.group(3));
  }
}
