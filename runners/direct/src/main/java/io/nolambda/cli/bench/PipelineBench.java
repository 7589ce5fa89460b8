package io.nolambda.cli.bench;

import io.nolambda.events.CityEvent;
import io.nolambda.events.EventJson;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.transforms.parking.ParkingOccupancyLoop;
import io.nolambda.transforms.trends.TrendsLoop;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.joda.time.Duration;

/**
 * Events per second of a pipeline in reprocess mode ({@code --source=file:}, {@code --sink=jsonl:})
 * on each runner, each in a fresh JVM (wall time, JVM start and pipeline construction included),
 * against the same rows computed by a plain single-threaded loop over the events in memory (the
 * practical limit of one core). Every runner must write exactly the loop's number of rows.
 */
public final class PipelineBench {
  /**
   * A benchmarked pipeline: its simulated input of about N events, its serving table, and its plain
   * loop (events to number of rows), which must compute the same rows as the pipeline at defaults.
   */
  public record Benched(String pipeline, String table, LongFunction<List<CityEvent>> events,
      ToLongFunction<List<CityEvent>> loopRows) {}

  /** Pipelines with a plain loop, at their default options; transit has none yet. */
  public static final List<Benched> PIPELINES = List.of(
      new Benched("trends", "trending", PipelineBench::assetEvents,
          events -> TrendsLoop.detect(events, Duration.standardSeconds(5), 60, 10, 5).size()),
      new Benched("parking", "occupancy", PipelineBench::parkingEvents,
          events -> ParkingOccupancyLoop.measure(events, Duration.standardMinutes(5), Duration.standardHours(2)).size()));

  private final Path home;
  private final Path workDir;
  private final PrintStream progress;

  public PipelineBench(Path home, Path workDir, PrintStream progress) {
    this.home = home;
    this.workDir = workDir;
    this.progress = progress;
  }

  public List<PipelineRate> run(Benched benched, long events, List<RunnerJvm> runners)
      throws IOException, InterruptedException {
    progress.printf("%s: simulating about %,d events%n", benched.pipeline(), events);
    List<CityEvent> input = benched.events().apply(events);
    long n = input.size();

    benched.loopRows().applyAsLong(input.subList(0, (int) Math.min(n, 100_000))); // warm the JIT up
    long start = System.nanoTime();
    long loopRows = benched.loopRows().applyAsLong(input);
    double loopSeconds = (System.nanoTime() - start) / 1e9;
    double loopRate = n / loopSeconds;
    List<PipelineRate> rates = new ArrayList<>(List.of(
        new PipelineRate(benched.pipeline(), "loop", "in-memory", n, loopSeconds, loopRows, loopRate)));
    progress.printf("%s: loop %,d events -> %,d rows in %.2f s%n", benched.pipeline(), n, loopRows, loopSeconds);

    Path file = workDir.resolve(benched.pipeline() + "-events.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (CityEvent event : input) {
        out.write(EventJson.encode(event));
        out.newLine();
      }
    }
    input = null; // the runners' JVMs need the memory more than this one
    for (RunnerJvm runner : runners) {
      Path sink = workDir.resolve(benched.pipeline() + "-" + runner.label());
      progress.printf("%s: running on %s ...%n", benched.pipeline(), runner.label());
      double seconds = runner.run(home, List.of("--pipeline=" + benched.pipeline(), "--mode=reprocess",
          "--source=file:" + file, "--sink=jsonl:" + sink, "--deadLetterDir=" + sink.resolve("dead-letters")),
          workDir.resolve(benched.pipeline() + "-" + runner.label() + ".log"));
      long rows = lines(sink.resolve(benched.table()));
      if (rows != loopRows) {
        throw new IllegalStateException(runner.label() + " wrote " + rows + " " + benched.table() + " rows, the loop "
            + loopRows);
      }
      rates.add(new PipelineRate(benched.pipeline(), runner.label(), "reprocess", n, seconds, rows, loopRate));
    }
    return rates;
  }

  private static long lines(Path dir) throws IOException {
    long lines = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path part : files.filter(Files::isRegularFile).toList()) {
        try (Stream<String> content = Files.lines(part)) {
          lines += content.filter(l -> !l.isBlank()).count();
        }
      }
    }
    return lines;
  }

  /** The first {@code n} parking events of 100 street zones and 4 car parks at 50 events/s on a day's average. */
  static List<CityEvent> parkingEvents(long n) {
    return firstEvents(SimulatorConfig.builder().routes(0).incidentsEnabled(false).assetEventsPerSecond(0).bursts(0)
        .parkingEventsPerSecond(50).streetZones(10, 10).carParks(4, 200), 50, n);
  }

  /** The first {@code n} views of 500 assets at 200 events/s on a day's average. */
  static List<CityEvent> assetEvents(long n) {
    return firstEvents(SimulatorConfig.builder().routes(0).incidentsEnabled(false).parkingEventsPerSecond(0)
        .assetEventsPerSecond(200).assets(500).bursts(0), 200, n);
  }

  /**
   * The first {@code n} events of the city, in event-time order; it runs three times as long as
   * {@code n} at {@code rate} needs because the simulated rates follow the time of day.
   */
  private static List<CityEvent> firstEvents(SimulatorConfig.Builder city, double rate, long n) {
    Iterator<CityEvent> events = new CitySimulator(city.seed(17).durationMillis((long) (3 * n / rate * 1000)).build())
        .iterator();
    List<CityEvent> first = new ArrayList<>();
    while (first.size() < n && events.hasNext()) {
      first.add(events.next());
    }
    return first;
  }
}
