package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nolambda.events.BusPosition;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected numbers were taken from the unzipped feed with python3, independently of this code. */
class GtfsImporterTest {
  private static final LocalDate POSITIONS_DAY = LocalDate.of(2026, 2, 16);
  private static GtfsImport all;
  private static GtfsImport day;

  @BeforeAll
  static void readRealFeed() throws IOException {
    GtfsImporter importer = new GtfsImporter();
    Path zip = TestData.file(importer.defaultFile());
    all = importer.read(zip);
    day = importer.read(zip, POSITIONS_DAY);
  }

  @Test
  void readsTheWholeRealFeed() {
    GtfsFeed feed = all.feed();
    assertThat(feed.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(feed.stops()).hasSize(347);
    assertThat(feed.trips()).hasSize(4_167);
    assertThat(feed.stopTimes()).hasSize(232_187);
    assertThat(all.rejectedCount()).isZero();
    assertThat(all.serviceDate()).isNull();
    assertThat(all.files().keySet())
        .containsExactly(
            "agency.txt", "calendar.txt", "calendar_dates.txt", "stops.txt", "trips.txt",
            "stop_times.txt");
    assertThat(all.files().get("calendar_dates.txt").rowsRead()).isEqualTo(46);
  }

  @Test
  void valuesOfTheRealFeed() {
    assertThat(all.feed().stops().get("2584"))
        .isEqualTo(new Stop("2584", "Alabama Av SE+15 Pl SE", 38.846073, -76.982918));
    assertThat(all.feed().trips().get("11361080")).isEqualTo(new Trip("11361080", "D40", "1", 1));
    // first row of stop_times.txt
    assertThat(all.feed().stopTimes().get(0))
        .isEqualTo(new StopTime("87010", "28402", 2, 15 * 3600 + 25 * 60, 15 * 3600 + 25 * 60));
    // line 197518: the latest time of the feed, 26:45:00
    assertThat(all.feed().stopTimes().get(197_518 - 2))
        .isEqualTo(new StopTime("30851070", "13111", 72, 96_300, 96_300));
    assertThat(all.feed().stopTimes().stream().filter(st -> st.arrivalSeconds() >= 24 * 3600))
        .hasSize(10_495);
  }

  @Test
  void calendarOfPresidentsDay() {
    GtfsCalendar calendar = all.calendar();
    // calendar_dates.txt: 2026-02-16 removes weekday service 9 and adds holiday service 4
    assertThat(calendar.servicesOn(POSITIONS_DAY)).containsExactly("4");
    assertThat(calendar.servicesOn(LocalDate.of(2026, 2, 17))).containsExactly("9"); // Tuesday
    assertThat(calendar.servicesOn(LocalDate.of(2026, 2, 18))).containsExactly("10"); // Wednesday
    assertThat(calendar.servicesOn(LocalDate.of(2026, 2, 15))).containsExactly("2"); // Sunday
    assertThat(calendar.servicesOn(LocalDate.of(2026, 6, 14))).isEmpty(); // after end_date
  }

  @Test
  void restrictsTheFeedToTheServicesOfOneDay() {
    GtfsFeed feed = day.feed();
    assertThat(day.serviceDate()).isEqualTo(POSITIONS_DAY);
    assertThat(feed.trips()).hasSize(462);
    assertThat(feed.trips().values()).allMatch(t -> t.serviceId().equals("4"));
    assertThat(
            feed.trips().values().stream()
                .collect(Collectors.groupingBy(Trip::routeId, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(Map.of("C53", 217L, "D40", 177L, "D96", 68L));
    assertThat(feed.stopTimes()).hasSize(25_448);
    assertThat(feed.stops()).hasSize(347);
    assertThat(day.files().get("trips.txt").filtered()).isEqualTo(4_167 - 462);
    assertThat(day.files().get("stop_times.txt").filtered()).isEqualTo(232_187 - 25_448);
    assertThat(day.rejectedCount()).isZero();
    assertThat(feed.stopTimes())
        .contains(new StopTime("30851100", "13111", 72, 96_300, 96_300));
  }

  @Test
  void everyPositionMatchesATripAndAStopOfThatDay() throws IOException {
    BusPositionImporter positions = new BusPositionImporter();
    ImportResult<BusPosition> result = positions.read(TestData.file(positions.defaultFile()));
    Set<String> trips =
        result.events().stream().map(BusPosition::getTripId).collect(Collectors.toSet());
    assertThat(trips).hasSize(132);
    assertThat(day.feed().trips().keySet()).containsAll(trips);
    assertThat(result.events())
        .allMatch(
            p ->
                day.feed().trips().get(p.getTripId()).routeId().equals(p.getRouteId())
                    && day.feed().trips().get(p.getTripId()).directionId() == p.getDirectionId()
                    && day.feed().stops().containsKey(p.getStopId()));
  }

  @Test
  void reportsMalformedRowsPerFile(@TempDir Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "feed/agency.txt",
        "\uFEFFagency_id,agency_name,agency_timezone\n"
            + "1,A,America/New_York\n"
            + "2,B,Europe/Berlin\n");
    files.put(
        "feed/stops.txt",
        "stop_id,stop_name,stop_lat,stop_lon\n"
            + "S1,One,38.9,-77.0\n"
            + "S2,Two,38.8,-77.1\n"
            + "S3,Three,,-77.1\n" // 4
            + "S1,Again,38.9,-77.0\n"); // 5
    files.put(
        "feed/trips.txt",
        "route_id,service_id,trip_id,direction_id\n"
            + "R,WEEKDAY,T1,0\n"
            + "R,HOLIDAY,T2,1\n"
            + "R,WEEKDAY,T3,\n"); // 4
    files.put(
        "feed/calendar.txt",
        "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
            + "WEEKDAY,1,1,1,1,1,0,0,20260101,20261231\n"
            + "HOLIDAY,0,0,0,0,0,0,0,20260101,20261231\n"
            + "BAD,1,1,1,1,1,0,0,2026-01-01,20261231\n"); // 4
    files.put(
        "feed/calendar_dates.txt",
        "service_id,date,exception_type\n"
            + "WEEKDAY,20260216,2\n"
            + "HOLIDAY,20260216,1\n"
            + "HOLIDAY,20260217,3\n"); // 4
    files.put(
        "feed/stop_times.txt",
        "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
            + "T1,08:00:00,08:00:30,S1,1\n" // 2
            + "T1,25:10:00,25:10:00,S2,2\n" // 3
            + "T1,8:5:00,08:05:00,S2,3\n" // 4
            + "T3,08:00:00,08:00:00,S1,1\n" // 5
            + "T2,08:00:00,08:00:00,S9,1\n" // 6
            + "T2,08:00:00,S1,1\n" // 7
            + "T2,,7:00:00,S1,1\n" // 8
            + "T2,09:00:00,08:59:00,S2,2\n" // 9
            + "T2,09:00:00,09:00:00,S2,1\n"); // 10
    Path zip = dir.resolve("feed.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }

    GtfsImport whole = new GtfsImporter().read(zip);

    assertThat(whole.feed().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(whole.feed().stops()).containsOnlyKeys("S1", "S2");
    assertThat(whole.feed().trips()).containsOnlyKeys("T1", "T2");
    assertThat(whole.feed().stopTimes())
        .containsExactly(
            new StopTime("T1", "S1", 1, 8 * 3600, 8 * 3600 + 30),
            new StopTime("T1", "S2", 2, 25 * 3600 + 600, 25 * 3600 + 600),
            new StopTime("T2", "S1", 1, 7 * 3600, 7 * 3600));
    assertThat(whole.rejected("agency.txt"))
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(3L, "agency_timezone: Europe/Berlin differs from the feed's America/New_York"));
    assertThat(whole.rejected("stops.txt"))
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(tuple(4L, "stop_lat: missing"), tuple(5L, "stop_id: duplicate 'S1'"));
    assertThat(whole.rejected("trips.txt"))
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(tuple(4L, "direction_id: missing"));
    assertThat(whole.rejected("calendar.txt"))
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(tuple(4L, "start_date: not a YYYYMMDD date: '2026-01-01'"));
    assertThat(whole.rejected("calendar_dates.txt"))
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(tuple(4L, "exception_type: not 1 (added) or 2 (removed): 3"));
    assertThat(whole.rejected("stop_times.txt"))
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(4L, "arrival_time: not a H:MM:SS time: '8:5:00'"),
            tuple(5L, "trip_id: no such trip 'T3'"),
            tuple(6L, "stop_id: no such stop 'S9'"),
            tuple(7L, "expected 5 columns as in the header, found 4"),
            tuple(9L, "departure_time: before arrival_time"),
            tuple(10L, "stop_sequence: duplicate 1 in trip 'T2'"));
    assertThat(whole.files().get("stop_times.txt").rowsRead()).isEqualTo(9);

    GtfsImport holiday = new GtfsImporter().read(zip, LocalDate.of(2026, 2, 16));

    assertThat(holiday.feed().trips()).containsOnlyKeys("T2");
    assertThat(holiday.feed().stopTimes())
        .containsExactly(new StopTime("T2", "S1", 1, 7 * 3600, 7 * 3600));
    GtfsImport.FileReport stopTimes = holiday.files().get("stop_times.txt");
    assertThat(stopTimes.filtered()).as("lines 2-4, trip T1 does not run").isEqualTo(3);
    assertThat(stopTimes.rejected())
        .extracting(RejectedRow::lineNumber)
        .containsExactly(5L, 6L, 7L, 9L, 10L);
    assertThat(holiday.files().get("trips.txt").filtered()).isEqualTo(1);
  }

  @Test
  void aServiceDateNeedsACalendar(@TempDir Path dir) throws IOException {
    Path zip = dir.resolve("nocalendar.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String[] entry :
          new String[][] {
            {"agency.txt", "agency_timezone\nAmerica/New_York\n"},
            {"stops.txt", "stop_id,stop_lat,stop_lon\n"},
            {"trips.txt", "route_id,service_id,trip_id,direction_id\n"},
            {"stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"}
          }) {
        out.putNextEntry(new ZipEntry(entry[0]));
        out.write(entry[1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    assertThat(new GtfsImporter().read(zip).feed().stopTimes()).isEmpty();
    assertThatThrownBy(() -> new GtfsImporter().read(zip, POSITIONS_DAY))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot select the services of 2026-02-16");
  }
}
