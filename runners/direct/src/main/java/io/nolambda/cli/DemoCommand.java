package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.equivalence.StreamBackfillEquivalence;
import io.nolambda.testing.services.LocalServices;
import io.nolambda.testing.services.ServicesConfig;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
  @Option(names = "--minutes", defaultValue = "5", description = "simulated minutes; default ${DEFAULT-VALUE}")
  long minutes;

  @Option(names = "--seed", defaultValue = "42", description = "default ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--rows", defaultValue = "10", description = "rows shown per table; default ${DEFAULT-VALUE}")
  int shown;

  /**
   * What the demo shows of a pipeline: its serving table, the column it ranks by, the entity column
   * whose best row alone is shown (null: every row), the columns shown.
   */
  private record Showcase(PipelineCatalog pipeline, String table, String title, String rankBy, String onePer,
      List<String> columns, List<String> args) {}

  private static final List<Showcase> SHOWCASES = List.of(
      new Showcase(PipelineCatalog.TRENDS, "trending", "Top trending assets (highest z-score)", "score", null,
          List.of("window_start", "segment", "rank", "asset_id", "count", "mean", "stddev", "score"),
          List.of("--historyWindows=24")),
      new Showcase(PipelineCatalog.PARKING, "occupancy", "Fullest zones (each zone's fullest window)",
          "occupancy", "zone_id", List.of("window_start", "zone_id", "occupancy", "peak", "free_at_end", "arrivals", "departures"),
          List.of()));

  @Override
  public Integer call() throws Exception {
    List<CityEvent> events = new CitySimulator(SimulatorConfig.builder().seed(seed).durationMillis(minutes * 60_000)
        .assetEventsPerSecond(10).trendWindows(5_000, 24).build()).run().events();
    step("Starting Kafka and Cassandra (throwaway instances on free ports)");
    boolean allEqual = true;
    try (LocalServices services = LocalServices.start(ServicesConfig.forTests())) {
      for (Showcase show : SHOWCASES) {
        String name = show.pipeline().pipelineName();
        step(name + ": " + events.size() + " simulated events (" + minutes + " city minutes) to Kafka, streamed"
            + " through the pipeline on the DirectRunner (raw events archived), then backfilled from the archive");
        StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(show.pipeline(), services.endpoints(),
            show.table()).withPipelineArgs(show.args()).run("demo_" + name, events);
        print(show, outcome.streamed().get(show.table()));
        List<Map<String, Object>> streamed = outcome.streamed().get(show.table());
        if (outcome.differences().isEmpty()) {
          System.out.println("OK: the backfill from the archive wrote the same " + streamed.size() + " rows as the live run.");
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

  private void print(Showcase show, List<Map<String, Object>> rows) {
    System.out.println(show.title() + " (" + show.table() + ", " + rows.size() + " rows; top " + shown + "):");
    TextTable table = new TextTable(show.columns().toArray(String[]::new));
    Set<Object> seen = new HashSet<>();
    rows.stream()
        .sorted(Comparator.comparing((Map<String, Object> r) -> ((Number) r.get(show.rankBy())).doubleValue()).reversed())
        .filter(r -> show.onePer() == null || seen.add(r.get(show.onePer())))
        .limit(shown)
        .forEach(r -> table.add(show.columns().stream().map(c -> cell(c, r.get(c))).toArray()));
    System.out.print(table);
  }

  private static Object cell(String column, Object value) {
    if (column.equals("window_start") && value instanceof Long millis) {
      return Instant.ofEpochMilli(millis);
    }
    return value instanceof Double d ? String.format("%.3f", d) : value;
  }

  private static void step(String what) {
    System.out.println("==> " + what);
  }
}
