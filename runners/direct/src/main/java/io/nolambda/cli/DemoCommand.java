package io.nolambda.cli;

import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.equivalence.EquivalenceCities;
import io.nolambda.testing.equivalence.StreamBackfillEquivalence;
import io.nolambda.testing.services.LocalServices;
import io.nolambda.testing.services.ServicesConfig;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nolambda demo}: the whole story on one machine. Starts a throwaway Kafka and Cassandra,
 * produces a simulated city to Kafka, streams it through each pipeline on the embedded
 * DirectRunner (which also archives the raw events), prints the serving tables, then backfills the
 * same period from the archive and reports whether its rows equal the streamed ones.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start local services, stream a simulated city through the pipelines, print the serving tables,"
        + " backfill from the archive and compare.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--minutes", defaultValue = "5",
      description = "simulated minutes of asset views and parking; default ${DEFAULT-VALUE}")
  long minutes;

  @Option(names = "--transit-minutes", defaultValue = "60",
      description = "simulated minutes of buses and incidents (headways need an hour); default ${DEFAULT-VALUE}")
  long transitMinutes;

  @Option(names = "--seed", defaultValue = "42", description = "default ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--rows", defaultValue = "10", description = "rows shown per table; default ${DEFAULT-VALUE}")
  int shown;

  /**
   * One printed serving table: the column it ranks by (highest first; rows without a value are not
   * shown), the entity column whose best row alone is shown (null: every row), the columns shown.
   */
  private record View(String table, String title, String rankBy, String onePer, List<String> columns) {}

  /** A pipeline run on a city, compared per UTC {@code cutoffUnit} (DESIGN.md: correlations are daily). */
  private record Showcase(PipelineCatalog pipeline, EquivalenceCities.City city, Duration cutoffUnit,
      List<View> views) {}

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("nolambda-demo"); // the transit city's timetable
    try {
      return run(dir);
    } finally {
      PathUtils.deleteDirectory(dir);
    }
  }

  private int run(Path dir) throws Exception {
    SimulatorConfig city = SimulatorConfig.builder().seed(seed).durationMillis(minutes * 60_000)
        .assetEventsPerSecond(10).trendWindows(5_000, 24).build();
    EquivalenceCities.City assetsAndParking = new EquivalenceCities.City(new CitySimulator(city).run().events(), List.of());
    List<Showcase> showcases = List.of(
        new Showcase(PipelineCatalog.TRENDS, withArgs(assetsAndParking, "--historyWindows=24"), Duration.ofHours(1), List.of(
            new View("trending", "Top trending assets (highest z-score)", "score", null,
                List.of("window_start", "segment", "rank", "asset_id", "count", "mean", "stddev", "score")))),
        new Showcase(PipelineCatalog.PARKING, assetsAndParking, Duration.ofHours(1), List.of(
            new View("occupancy", "Fullest zones (each zone's fullest window)", "occupancy", "zone_id",
                List.of("window_start", "zone_id", "occupancy", "peak", "free_at_end", "arrivals", "departures")))),
        new Showcase(PipelineCatalog.TRANSIT, EquivalenceCities.transit(SimulatorConfig.builder().seed(seed)
                .durationMillis(transitMinutes * 60_000).routes(3).incidentsPerHour(12).parkingEventsPerSecond(0)
                .assetEventsPerSecond(0).bursts(0).build(), dir), Duration.ofDays(1), List.of(
            new View("stop_wait", "Worst stops (highest excess wait, each stop's worst window)", "excess_wait_s",
                "stop_id", List.of("window_start", "route_id", "direction_id", "stop_id", "arrivals",
                    "expected_wait_s", "scheduled_wait_s", "excess_wait_s")),
            new View("correlation", "Correlations of the day (Pearson r over the cells' windows)", "r", null,
                List.of("day", "x", "y", "n", "r")),
            new View("bus_latest", "Latest bus positions (newest first)", "event_time", "vehicle_id",
                List.of("event_time", "vehicle_id", "route_id", "trip_id", "stop_id", "lat", "lon", "speed_mps")))));

    step("Starting Kafka and Cassandra (throwaway instances on free ports)");
    boolean allEqual = true;
    try (LocalServices services = LocalServices.start(ServicesConfig.forTests())) {
      for (Showcase show : showcases) {
        String name = show.pipeline().pipelineName();
        step(name + ": " + show.city().events().size() + " simulated events to Kafka, streamed through the pipeline"
            + " on the DirectRunner (raw events archived), then backfilled from the archive");
        StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(show.pipeline(), services.endpoints(),
                show.views().stream().map(View::table).toArray(String[]::new))
            .withPipelineArgs(show.city().pipelineArgs()).withCutoffUnit(show.cutoffUnit())
            .run("demo_" + name, show.city().events());
        show.views().forEach(view -> print(view, outcome.streamed().get(view.table())));
        int rows = outcome.streamed().values().stream().mapToInt(List::size).sum();
        if (outcome.differences().isEmpty()) {
          System.out.println("OK: the backfill from the archive wrote the same " + rows + " rows as the live run.");
        } else {
          allEqual = false;
          System.out.println("MISMATCH between the live run and the backfill:");
          outcome.differences().stream().limit(20).forEach(d -> System.out.println("  " + d));
        }
      }
      step("Stopping the services");
    }
    return allEqual ? 0 : 1;
  }

  private static EquivalenceCities.City withArgs(EquivalenceCities.City city, String... args) {
    return new EquivalenceCities.City(city.events(), List.of(args));
  }

  private void print(View view, List<Map<String, Object>> rows) {
    System.out.println(view.title() + " (" + view.table() + ", " + rows.size() + " rows; top " + shown + "):");
    TextTable table = new TextTable(view.columns().toArray(String[]::new));
    Set<Object> seen = new HashSet<>();
    rows.stream()
        .filter(r -> r.get(view.rankBy()) instanceof Number)
        .sorted(Comparator.comparing((Map<String, Object> r) -> ((Number) r.get(view.rankBy())).doubleValue()).reversed())
        .filter(r -> view.onePer() == null || seen.add(r.get(view.onePer())))
        .limit(shown)
        .forEach(r -> table.add(view.columns().stream().map(c -> cell(c, r.get(c))).toArray()));
    System.out.print(table);
  }

  private static Object cell(String column, Object value) {
    if (List.of("window_start", "day", "event_time").contains(column) && value instanceof Long millis) {
      return column.equals("day") ? Instant.ofEpochMilli(millis).toString().substring(0, 10) : Instant.ofEpochMilli(millis);
    }
    return value instanceof Double d ? String.format("%.3f", d) : value;
  }

  private static void step(String what) {
    System.out.println("==> " + what);
  }
}
