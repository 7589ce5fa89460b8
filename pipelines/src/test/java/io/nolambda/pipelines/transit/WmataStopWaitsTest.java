package io.nolambda.pipelines.transit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.io.importers.BusPositionImporter;
import io.nolambda.io.importers.GtfsImport;
import io.nolambda.io.importers.GtfsImporter;
import io.nolambda.io.importers.ImportResult;
import io.nolambda.io.importers.Importers;
import io.nolambda.transforms.transit.Arrival;
import io.nolambda.transforms.transit.DetectArrivals;
import io.nolambda.transforms.transit.MeasureStopWaits;
import io.nolambda.transforms.transit.StopWaitRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DetectArrivals and MeasureStopWaits on the real WMATA positions of 2026-02-16 (routes C53, D40,
 * D96) against the WMATA timetable of that day's service, checked against the same definitions
 * written independently in SQL and run by DuckDB over the raw CSV files (the positions file and the
 * unzipped GTFS text files, not the importers' output): every arrival (trip, stop, time) and every
 * stop_wait row (arrivals, expected and scheduled wait) must agree.
 */
class WmataStopWaitsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 2, 16);
  private static final double TOLERANCE = 1e-6;

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @TempDir Path tmp;

  @Test
  void arrivalsAndStopWaitsAgreeWithAnIndependentSqlComputation() throws Exception {
    Path data = Importers.requireDataDir();
    Path positionsFile = data.resolve("transit/wmata-vehicle-positions-2026-02-16.csv.gz");
    Path gtfsZip = data.resolve("transit/wmata-gtfs-C53-D40-D96.zip");
    GtfsImport gtfs = new GtfsImporter().read(gtfsZip, DAY);
    GtfsFeed feed = gtfs.feed();
    ImportResult<BusPosition> positions = new BusPositionImporter().read(positionsFile);
    assertThat(positions.rejected()).isEmpty();

    long dayStart = ZonedDateTime.of(DAY, LocalTime.NOON, feed.timeZone()).minusHours(12)
        .toInstant().toEpochMilli();
    Oracle oracle = oracle(positionsFile, unzip(gtfsZip), dayStart);
    System.out.println("SQL: " + oracle.arrivals.size() + " arrivals, " + oracle.rows.size()
        + " stop_wait rows");
    oracle.report.forEach(System.out::println);
    assertThat(oracle.arrivals).hasSizeGreaterThan(1000);

    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    for (BusPosition p : positions.events()) {
      events.add(TimestampedValue.of(CityEvents.of(p), new Instant(p.getEventTime())));
    }
    PCollectionTuple detected = pipeline
        .apply(Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(DetectArrivals.create(feed));
    PCollection<StopWaitRow> waits = detected.get(DetectArrivals.ARRIVALS)
        .apply(MeasureStopWaits.create(feed, DAY));

    PAssert.that(detected.get(DetectArrivals.INVALID)).empty();
    HashSet<String> expectedArrivals = oracle.arrivals;
    PAssert.that(detected.get(DetectArrivals.ARRIVALS)).satisfies(arrivals -> {
      HashSet<String> actual = new HashSet<>();
      int n = 0;
      for (Arrival a : arrivals) {
        actual.add(a.getTripId() + "|" + a.getStopId() + "|" + a.getArrivalTime());
        n++;
      }
      assertThat(n).isEqualTo(actual.size());
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expectedArrivals);
      return null;
    });
    HashMap<String, double[]> expectedRows = oracle.rows;
    PAssert.that(waits).satisfies(rows -> {
      HashMap<String, StopWaitRow> actual = new HashMap<>();
      for (StopWaitRow r : rows) {
        String key = r.getRouteId() + "|" + r.getDirectionId() + "|" + r.getStopId() + "|"
            + r.getWindowStart();
        assertThat(actual.put(key, r)).as("one row per stop and window: %s", key).isNull();
        assertThat(r.getWindowEnd() - r.getWindowStart()).isEqualTo(3_600_000L);
      }
      assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expectedRows.keySet());
      for (Map.Entry<String, double[]> e : expectedRows.entrySet()) {
        StopWaitRow r = actual.get(e.getKey());
        double[] x = e.getValue();
        assertThat(r.getArrivals()).as("arrivals %s", e.getKey()).isEqualTo((long) x[0]);
        assertClose(r.getExpectedWaitS(), x[1], "expected_wait_s " + e.getKey());
        assertClose(r.getScheduledWaitS(), x[2], "scheduled_wait_s " + e.getKey());
        assertClose(r.getExcessWaitS(),
            Double.isNaN(x[1]) || Double.isNaN(x[2]) ? Double.NaN : x[1] - x[2],
            "excess_wait_s " + e.getKey());
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  private static void assertClose(Double actual, double expected, String what) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNull();
    } else {
      assertThat(actual).as(what).isNotNull();
      assertThat(actual).as(what).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, Math.abs(expected))));
    }
  }

  private Path unzip(Path zip) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("gtfs"));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        if (!e.isDirectory()) {
          try (InputStream in = z.getInputStream(e)) {
            Files.copy(in, dir.resolve(Path.of(e.getName()).getFileName().toString()));
          }
        }
      }
    }
    return dir;
  }

  /** What the SQL found: arrivals as trip|stop|time, rows by route|dir|stop|window_start. */
  private record Oracle(HashSet<String> arrivals, HashMap<String, double[]> rows, List<String> report) {}

  /**
   * The definitions of DESIGN.md 4 and the transforms' Javadoc in SQL: the service day's trips
   * (calendar + calendar_dates for Monday 2026-02-16), valid reports (trip of the day; stop_id, if
   * any, a stop of the trip), candidates (STOPPED_AT at the stop, or within 30 m by haversine),
   * arrivals (first of each run of candidates per trip and stop with gaps under 30 min), headways
   * (time since the latest earlier arrival of a different trip, at most 2 h), waits per hour.
   */
  private static Oracle oracle(Path positions, Path gtfs, long dayStart) throws SQLException {
    String g = gtfs.toString().replace("'", "''") + "/";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads TO 1");
      for (String t : List.of("stops", "trips", "stop_times", "calendar", "calendar_dates")) {
        s.execute("CREATE TABLE g_" + t + " AS SELECT * FROM read_csv('" + g + t
            + ".txt', header = true, all_varchar = true)");
      }
      s.execute("""
          CREATE TABLE day_trips AS
          SELECT trip_id, route_id, CAST(direction_id AS INTEGER) AS direction_id FROM g_trips
          WHERE service_id IN (
            SELECT service_id FROM g_calendar WHERE monday = '1'
              AND start_date <= '20260216' AND end_date >= '20260216'
              AND service_id NOT IN (SELECT service_id FROM g_calendar_dates
                                     WHERE date = '20260216' AND exception_type = '2')
            UNION SELECT service_id FROM g_calendar_dates
              WHERE date = '20260216' AND exception_type = '1')""");
      s.execute("""
          CREATE TABLE trip_stops AS SELECT DISTINCT st.trip_id, st.stop_id
          FROM g_stop_times st JOIN day_trips USING (trip_id)""");
      s.execute("""
          CREATE TABLE stops AS SELECT stop_id, CAST(stop_lat AS DOUBLE) AS lat,
            CAST(stop_lon AS DOUBLE) AS lon FROM g_stops""");
      s.execute("CREATE TABLE raw AS SELECT * FROM read_csv('"
          + positions.toString().replace("'", "''") + "', header = true, all_varchar = true)");
      s.execute("""
          CREATE TABLE pos AS SELECT DISTINCT
            "vehicle.trip.trip_id" AS trip_id,
            'wmata:' || "vehicle.vehicle.id" || ':'
              || CAST(CAST("vehicle.timestamp" AS DOUBLE) AS BIGINT) AS event_id,
            CAST(CAST("vehicle.timestamp" AS DOUBLE) AS BIGINT) * 1000 AS t,
            CAST("vehicle.position.latitude" AS DOUBLE) AS lat,
            CAST("vehicle.position.longitude" AS DOUBLE) AS lon,
            CAST(CAST("vehicle.current_status" AS DOUBLE) AS INTEGER) AS status,
            NULLIF("vehicle.stop_id", '') AS stop_id
          FROM raw""");
      s.execute("""
          CREATE TABLE valid AS SELECT p.* FROM pos p
          WHERE p.trip_id IN (SELECT trip_id FROM day_trips)
            AND (p.stop_id IS NULL OR EXISTS (SELECT 1 FROM trip_stops ts
                 WHERE ts.trip_id = p.trip_id AND ts.stop_id = p.stop_id))""");
      s.execute("""
          CREATE TABLE cand AS SELECT p.trip_id, ts.stop_id, p.t, p.event_id
          FROM valid p JOIN trip_stops ts ON ts.trip_id = p.trip_id
          JOIN stops st ON st.stop_id = ts.stop_id
          WHERE (p.status = 1 AND p.stop_id = ts.stop_id)
             OR 2 * 6371008.8 * asin(least(1, sqrt(
                  pow(sin((radians(st.lat) - radians(p.lat)) / 2), 2)
                  + cos(radians(p.lat)) * cos(radians(st.lat))
                    * pow(sin(radians(st.lon - p.lon) / 2), 2)))) <= 30""");
      s.execute("""
          CREATE TABLE arr AS
          WITH o AS (SELECT *, t - lag(t) OVER (PARTITION BY trip_id, stop_id ORDER BY t, event_id)
                     AS since FROM cand)
          SELECT o.trip_id, o.stop_id, o.t, d.route_id, d.direction_id
          FROM o JOIN day_trips d USING (trip_id)
          WHERE since IS NULL OR since >= 1800000""");
      s.execute("CREATE TABLE sched AS SELECT st.trip_id, st.stop_id, d.route_id, d.direction_id, "
          + dayStart + " + 1000 * (CAST(split_part(x, ':', 1) AS BIGINT) * 3600"
          + " + CAST(split_part(x, ':', 2) AS BIGINT) * 60 + CAST(split_part(x, ':', 3) AS BIGINT))"
          + " AS t FROM (SELECT *, COALESCE(NULLIF(arrival_time, ''), departure_time) AS x"
          + " FROM g_stop_times) st JOIN day_trips d USING (trip_id)");
      for (String v : List.of("arr", "sched")) {
        s.execute("CREATE TABLE " + v + "_w AS\n"
            + "WITH h AS (SELECT b.route_id, b.direction_id, b.stop_id, b.t,\n"
            + "  (SELECT max(a.t) FROM " + v + " a WHERE a.route_id = b.route_id\n"
            + "     AND a.direction_id = b.direction_id AND a.stop_id = b.stop_id\n"
            + "     AND a.trip_id <> b.trip_id\n"
            + "     AND (a.t < b.t OR (a.t = b.t AND a.trip_id < b.trip_id))) AS prev\n"
            + "  FROM " + v + " b)\n"
            + "SELECT route_id, direction_id, stop_id, t // 3600000 * 3600000 AS ws, count(*) AS n,\n"
            + "  CASE WHEN sum(CASE WHEN t - prev <= 7200000 THEN (t - prev) / 1000.0 END) > 0\n"
            + "    THEN sum(CASE WHEN t - prev <= 7200000 THEN ((t - prev) / 1000.0) ^ 2 END)\n"
            + "      / (2 * sum(CASE WHEN t - prev <= 7200000 THEN (t - prev) / 1000.0 END)) END AS w\n"
            + "FROM h GROUP BY ALL");
      }
      s.execute("""
          CREATE TABLE rows AS SELECT a.route_id, a.direction_id, a.stop_id, a.ws, a.n,
            a.w AS expected, s.w AS scheduled, a.w - s.w AS excess
          FROM arr_w a LEFT JOIN sched_w s USING (route_id, direction_id, stop_id, ws)""");

      HashSet<String> arrivals = new HashSet<>();
      try (ResultSet r = s.executeQuery("SELECT trip_id, stop_id, t FROM arr")) {
        while (r.next()) {
          arrivals.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getLong(3));
        }
      }
      HashMap<String, double[]> rows = new HashMap<>();
      try (ResultSet r = s.executeQuery("SELECT * FROM rows")) {
        while (r.next()) {
          rows.put(r.getString(1) + "|" + r.getInt(2) + "|" + r.getString(3) + "|" + r.getLong(4),
              new double[] {r.getLong(5), orNaN(r, 6), orNaN(r, 7)});
        }
      }
      List<String> report = new ArrayList<>();
      report.add("worst (stop, hour) by excess_wait_s:");
      query(s, report, """
          SELECT route_id, direction_id, stop_id, epoch_ms(ws) AS window_start, n AS arrivals,
            round(expected) AS expected_s, round(scheduled) AS scheduled_s, round(excess) AS excess_s
          FROM rows WHERE excess IS NOT NULL ORDER BY excess DESC, stop_id LIMIT 5""");
      report.add("worst stops of the day by mean hourly excess_wait_s (>= 3 hours with one):");
      query(s, report, """
          SELECT route_id, direction_id, stop_id, count(*) AS hours, round(avg(excess)) AS mean_excess_s,
            round(max(excess)) AS max_excess_s
          FROM rows WHERE excess IS NOT NULL GROUP BY ALL HAVING count(*) >= 3
          ORDER BY mean_excess_s DESC, stop_id LIMIT 5""");
      report.add("all stops: mean hourly excess_wait_s");
      query(s, report, """
          SELECT count(*) AS rows, count(excess) AS rows_with_ewt, round(avg(excess), 1) AS mean_excess_s,
            round(median(excess), 1) AS median_excess_s FROM rows""");
      return new Oracle(arrivals, rows, report);
    }
  }

  private static double orNaN(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? Double.NaN : v;
  }

  private static void query(Statement s, List<String> report, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      StringBuilder header = new StringBuilder(" ");
      for (int i = 1; i <= n; i++) {
        header.append(' ').append(r.getMetaData().getColumnName(i));
      }
      report.add(header.toString());
      while (r.next()) {
        StringBuilder line = new StringBuilder(" ");
        for (int i = 1; i <= n; i++) {
          line.append(' ').append(r.getString(i));
        }
        report.add(line.toString());
      }
    }
  }

}
