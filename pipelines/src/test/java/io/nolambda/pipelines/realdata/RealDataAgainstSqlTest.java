package io.nolambda.pipelines.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.EventJson;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.io.importers.Importers;
import io.nolambda.io.importers.Nyc311Importer;
import io.nolambda.io.importers.ParsedRow;
import io.nolambda.pipelines.RunPipeline;
import io.nolambda.transforms.transit.CellStatsRow;
import io.nolambda.transforms.transit.Cells;
import io.nolambda.transforms.transit.MeasureCellStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipelines and transforms on the real data of shared/data, against the same quantities
 * computed independently in SQL: DuckDB over the raw CSV files, not through the importers. The
 * trends and parking pipelines run as a user runs them on a file (`nolambda import` to canonical
 * JSON lines, then {@code --mode=reprocess --source=file:... --sink=jsonl:...}); the 311 cells,
 * which the transit pipeline computes only with a bus timetable, are checked on the transform.
 */
class RealDataAgainstSqlTest {
  private static final double TOLERANCE = 1e-9; // relative
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  /**
   * One day of the Dresden car parks. Each valid reading (0 &lt;= free &lt;= num_all, num_all
   * &gt; 0) holds from its time until the car park's next valid reading or the 2 h stale horizon,
   * whichever is first; a 5 min window's occupancy is the time-weighted mean of (num_all - free) /
   * num_all over the part of the window some reading holds.
   */
  @Test
  void dresdenCarParkOccupancyMatchesSql() throws Exception {
    long from = java.time.Instant.parse("2024-03-05T00:00:00Z").toEpochMilli();
    long to = from + 86_400_000;
    long window = 5 * 60_000;
    long horizon = 2 * 3_600_000; // MeasureParkingOccupancy's default
    Path file = Importers.defaultFile(Importers.PARKING, Importers.requireDataDir());
    String day = """
        SELECT place_id, epoch_ms("timestamp") AS t, num_all, free FROM read_csv('%s', header = true)
        WHERE epoch_ms("timestamp") >= %d AND epoch_ms("timestamp") < %d
        """.formatted(file, from, to);
    HashMap<String, double[]> expected = sql(2, """
        WITH r AS (SELECT place_id, t, CAST(num_all - free AS DOUBLE) / num_all AS f FROM (%1$s)
                   WHERE num_all > 0 AND free >= 0 AND free <= num_all),
        held AS (SELECT *, least(coalesce(lead(t) OVER (PARTITION BY place_id ORDER BY t), t + %2$d),
                                 t + %2$d) AS u FROM r),
        w AS (SELECT *, unnest(range(t // %3$d * %3$d, u, %3$d)) AS ws FROM held),
        o AS (SELECT place_id, ws, f, least(u, ws + %3$d) - greatest(t, ws) AS ms FROM w)
        SELECT place_id, ws, sum(f * ms) / sum(ms) FROM o GROUP BY ALL HAVING sum(ms) > 0
        """.formatted(day, horizon, window));
    long invalid = (long) sql(0, "SELECT count(*) FROM (%s) WHERE NOT (num_all > 0 AND free >= 0 AND free <= num_all)"
        .formatted(day)).get("")[0];
    assertThat(expected).hasSizeGreaterThan(5000);

    PipelineRun run = runPipeline("parking", eventsFile(Importers.PARKING, from, to), "occupancy",
        "--occupancyWindowSeconds=" + window / 1000);
    assertThat(run.deadLetters()).isEqualTo(invalid);
    HashMap<String, double[]> actual = new HashMap<>();
    for (JsonNode r : run.rows()) {
      actual.put(r.get("zone_id").asText() + "|" + r.get("window_start").asLong(),
          new double[] {r.get("occupancy").asDouble()});
    }
    double error = assertMatches(actual, expected);
    System.out.printf("parking pipeline: %d (car park, window) rows compared, %d readings refused,"
        + " max relative error %.2e%n", actual.size(), invalid, error);
  }

  /**
   * The access log in 5 s windows, segment "all": count per asset (the url's path, without query
   * or fragment; every url of the file is a path) and window; mean and population stddev of the
   * counts in the 12 windows before, missing ones 0; z-score (count - mean) / max(stddev, 1); top 3
   * per window by score, then asset, among counts &gt;= 2. Every emitted row, its rank and its
   * numbers must be SQL's, and no row SQL ranks may be missing.
   */
  @Test
  void accessLogTrendsMatchSql() throws Exception {
    long window = 5_000;
    int history = 12;
    int topK = 3;
    int minSupport = 2;
    Path file = Importers.defaultFile(Importers.CLICKSTREAM, Importers.requireDataDir());
    HashMap<String, double[]> expected = sql(3, """
        WITH e AS (SELECT regexp_replace(url, '[?#].*$', '') AS asset, epoch_ms(CAST(ts AS TIMESTAMPTZ)) // %2$d AS w
                   FROM read_csv('%1$s', header = true, all_varchar = true)),
        c AS (SELECT asset, w, count(*) AS n FROM e GROUP BY ALL),
        h AS (SELECT c.asset, c.w, c.n, coalesce(sum(p.n), 0) AS s, coalesce(sum(p.n * p.n), 0) AS ss
              FROM c LEFT JOIN c p ON p.asset = c.asset AND p.w BETWEEN c.w - %3$d AND c.w - 1
              WHERE c.n >= %5$d GROUP BY ALL),
        z AS (SELECT *, CAST(s AS DOUBLE) / %3$d AS mean, sqrt(CAST(%3$d * ss - s * s AS DOUBLE)) / %3$d AS sd FROM h),
        r AS (SELECT *, (n - mean) / greatest(sd, 1) AS score FROM z),
        k AS (SELECT *, row_number() OVER (PARTITION BY w ORDER BY score DESC, asset) AS rank FROM r)
        SELECT w * %2$d, rank, asset, n, mean, sd, score FROM k WHERE rank <= %4$d
        """.formatted(file, window, history, topK, minSupport));
    assertThat(expected).hasSizeGreaterThan(500);

    PipelineRun run = runPipeline("trends", eventsFile(Importers.CLICKSTREAM, Long.MIN_VALUE, Long.MAX_VALUE),
        "trending", "--trendWindowSeconds=" + window / 1000, "--historyWindows=" + history, "--topK=" + topK,
        "--minSupport=" + minSupport);
    assertThat(run.deadLetters()).isZero();
    HashMap<String, double[]> actual = new HashMap<>();
    for (JsonNode r : run.rows()) {
      if (r.get("segment").asText().equals("all")) {
        actual.put(r.get("window_start").asLong() + "|" + r.get("rank").asInt() + "|" + r.get("asset_id").asText(),
            new double[] {r.get("count").asDouble(), r.get("mean").asDouble(), r.get("stddev").asDouble(),
                r.get("score").asDouble()});
      }
    }
    double error = assertMatches(actual, expected);
    System.out.printf("trends pipeline: %d ranked rows of segment all compared, max relative error %.2e%n",
        actual.size(), error);
  }

  /**
   * NYC 311 in 15 min windows on the 0.01 degree grid: distinct requests opened per cell and
   * window, the cell of (floor(lat / 0.01 + 1e-9), floor(lon / 0.01 + 1e-9)) and the creation time
   * read as New York local time; requests without coordinates are dead letters (their OPENED and
   * CLOSED events). No buses: no EWT or speed.
   */
  @Test
  void nyc311IncidentsPerCellMatchSql() throws Exception {
    long window = 15 * 60_000;
    Path file = Importers.defaultFile(Importers.INCIDENTS, Importers.requireDataDir());
    String raw = "read_csv('%s', header = true, all_varchar = true)".formatted(file);
    HashMap<String, double[]> expected = sql(2, """
        SELECT 'g0.01:' || CAST(floor(CAST(Latitude AS DOUBLE) / 0.01::DOUBLE + 1e-9) AS BIGINT)
                 || ':' || CAST(floor(CAST(Longitude AS DOUBLE) / 0.01::DOUBLE + 1e-9) AS BIGINT),
               epoch_ms(timezone('America/New_York', strptime("Created Date", '%%m/%%d/%%Y %%I:%%M:%%S %%p')))
                 // %d * %d,
               count(DISTINCT "Unique Key")
        FROM %s WHERE Latitude IS NOT NULL GROUP BY ALL
        """.formatted(window, window, raw));
    long unlocated = (long) sql(0, "SELECT count(*) + count(\"Closed Date\") FROM %s WHERE Latitude IS NULL"
        .formatted(raw)).get("")[0];
    assertThat(expected).hasSizeGreaterThan(500);

    GtfsFeed noBuses = new GtfsFeed(Nyc311Importer.NEW_YORK, Map.of(), Map.of(), List.of());
    PCollectionTuple out = pipeline.apply(events(Importers.INCIDENTS, Long.MIN_VALUE, Long.MAX_VALUE))
        .apply(MeasureCellStats.create(noBuses, LocalDate.of(2022, 5, 1), Cells.grid(0.01))
            .withWindow(Duration.millis(window)));
    assertCount(out.get(MeasureCellStats.INVALID), unlocated);
    PAssert.that(out.get(MeasureCellStats.CELL_STATS)).satisfies(rows -> {
      HashMap<String, double[]> actual = new HashMap<>();
      for (CellStatsRow r : rows) {
        assertThat(r.getIncidents311()).as(r.toString()).isEqualTo(r.getIncidents());
        assertThat(r.getExcessWaitS()).isNull();
        assertThat(r.getMeanSpeedMps()).isNull();
        actual.put(r.getCell() + "|" + r.getWindowStart(), new double[] {r.getIncidents()});
      }
      CellStatsRow busiest = StreamSupport.stream(rows.spliterator(), false)
          .max(Comparator.comparingLong(CellStatsRow::getIncidents)
              .thenComparing(CellStatsRow::getCell).thenComparingLong(CellStatsRow::getWindowStart))
          .orElseThrow();
      assertMatches(actual, expected);
      System.out.printf("311: %d (cell, window) rows compared, %d incidents, %d unlocated events"
          + " refused; busiest (last by cell, window) %s%n", actual.size(),
          (long) actual.values().stream().mapToDouble(v -> v[0]).sum(), unlocated, busiest);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /**
   * The dataset's events with {@code from <= event time < to}, through its importer, which must
   * accept every row (the SQL reads them all).
   */
  private static Create.TimestampedValues<CityEvent> events(String dataset, long from, long to)
      throws Exception {
    Path file = Importers.defaultFile(dataset, Importers.requireDataDir());
    List<ParsedRow<CityEvent>> rows;
    try (Stream<ParsedRow<CityEvent>> parsed = Importers.cityEventRows(dataset, file)) {
      rows = parsed.toList();
    }
    assertThat(rows).filteredOn(ParsedRow::isRejected).isEmpty();
    List<TimestampedValue<CityEvent>> events = rows.stream().flatMap(r -> r.events().stream())
        .filter(e -> CityEvents.eventTime(e) >= from && CityEvents.eventTime(e) < to)
        .map(e -> TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))))
        .toList();
    return Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class));
  }

  /** What a pipeline run over a file wrote: the serving table's rows and the number of dead letters. */
  private record PipelineRun(List<JsonNode> rows, long deadLetters) {}

  /**
   * The dataset's events with {@code from <= event time < to}, through its importer (which must
   * accept every row: the SQL reads them all), as a JSON-lines file in the canonical event format.
   */
  private Path eventsFile(String dataset, long from, long to) throws Exception {
    Path file = tmp.resolve(dataset + ".jsonl");
    try (Stream<ParsedRow<CityEvent>> parsed = Importers.cityEventRows(dataset,
        Importers.defaultFile(dataset, Importers.requireDataDir()))) {
      List<String> lines = new ArrayList<>();
      parsed.forEach(row -> {
        assertThat(row.isRejected()).as("importer refused %s", row).isFalse();
        row.events().stream().filter(e -> CityEvents.eventTime(e) >= from && CityEvents.eventTime(e) < to)
            .map(EventJson::encode).forEach(lines::add);
      });
      Files.write(file, lines);
    }
    return file;
  }

  /** Runs the pipeline in reprocess mode from the file to JSON lines, as `nolambda run` does. */
  private PipelineRun runPipeline(String pipeline, Path events, String table, String... options) throws Exception {
    Path out = tmp.resolve(pipeline + "-out");
    Path dead = tmp.resolve(pipeline + "-dead");
    List<String> args = new ArrayList<>(List.of("--pipeline=" + pipeline, "--runner=DirectRunner",
        "--mode=reprocess", "--source=file:" + events, "--sink=jsonl:" + out, "--deadLetterDir=" + dead));
    args.addAll(List.of(options));
    assertThat(RunPipeline.parse(args.toArray(String[]::new)).start().waitUntilFinish())
        .isEqualTo(PipelineResult.State.DONE);
    return new PipelineRun(jsonLines(out.resolve(table)).stream().map(RealDataAgainstSqlTest::json).toList(),
        Files.exists(dead) ? jsonLines(dead).size() : 0);
  }

  private static List<String> jsonLines(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> lines = new ArrayList<>();
      for (Path part : files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        Files.readAllLines(part).stream().filter(l -> !l.isBlank()).forEach(lines::add);
      }
      return lines;
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a query keyed by their first {@code keys} columns joined with "|", the other
   * columns as doubles.
   */
  private static HashMap<String, double[]> sql(int keys, String query) throws SQLException {
    HashMap<String, double[]> rows = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads TO 1");
      try (ResultSet r = s.executeQuery(query)) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          StringBuilder key = new StringBuilder();
          for (int i = 1; i <= keys; i++) {
            key.append(i > 1 ? "|" : "").append(r.getString(i));
          }
          double[] values = new double[columns - keys];
          for (int i = 0; i < values.length; i++) {
            values[i] = r.getDouble(keys + 1 + i);
          }
          assertThat(rows.put(key.toString(), values)).as("one SQL row per key %s", key).isNull();
        }
      }
    }
    return rows;
  }

  /** Same keys, every value within the relative tolerance; returns the largest relative error. */
  private static double assertMatches(Map<String, double[]> actual, Map<String, double[]> expected) {
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    double worst = 0;
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      double[] got = actual.get(e.getKey());
      for (int i = 0; i < got.length; i++) {
        double want = e.getValue()[i];
        assertThat(Math.abs(got[i] - want)).as("%s column %d: %s vs SQL %s", e.getKey(), i, got[i], want)
            .isLessThanOrEqualTo(TOLERANCE * Math.abs(want));
        worst = Math.max(worst, want == 0 ? 0 : Math.abs(got[i] - want) / Math.abs(want));
      }
    }
    return worst;
  }

  private static void assertCount(PCollection<?> collection, long expected) {
    PAssert.thatSingleton(collection.apply("Count " + collection.getName(), Count.globally()))
        .isEqualTo(expected);
  }
}
