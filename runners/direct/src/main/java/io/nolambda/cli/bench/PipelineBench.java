package io.nolambda.cli.bench;

import io.nolambda.events.CityEvent;
import io.nolambda.events.EventJson;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.pipelines.eventcounts.EventCountLoop;
import io.nolambda.pipelines.eventcounts.EventCountOptions;
import io.nolambda.pipelines.eventcounts.EventCountPipeline;
import io.nolambda.pipelines.parking.ParkingOptions;
import io.nolambda.pipelines.parking.ParkingPipeline;
import io.nolambda.pipelines.transit.TransitOptions;
import io.nolambda.pipelines.transit.TransitPipeline;
import io.nolambda.pipelines.trends.TrendsOptions;
import io.nolambda.pipelines.trends.TrendsPipeline;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.GtfsZip;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.transforms.transit.TransitLoop;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Events per second of a pipeline in reprocess mode ({@code --source=file:}, {@code --sink=jsonl:})
 * on each runner, each in a fresh JVM (wall time, JVM start and pipeline construction included),
 * against the same rows computed by a plain single-threaded loop over the events in memory (the
 * practical limit of one core). Every runner must write exactly the loop's number of rows into each
 * serving table.
 */
public final class PipelineBench {
  /** A benchmarked pipeline and how to simulate its input. */
  public record Benched(String pipeline, Workload workload) {}

  /** Simulates about {@code events} events of a pipeline; files the run needs (a GTFS feed) go into {@code dir}. */
  @FunctionalInterface
  public interface Workload {
    Input simulate(long events, Path dir) throws IOException;
  }

  /**
   * A pipeline's simulated events, the arguments its run needs besides source and sink, and its plain
   * loop (events to rows per serving table), which must compute the rows of a run with those arguments.
   */
  public record Input(List<CityEvent> events, List<String> args,
      Function<List<CityEvent>, Map<String, Long>> loopRows) {}

  /**
   * Pipelines with a plain loop, at their default options (the loops are built from the same options
   * as a run). eventcounts on the trends input is the floor: reading, parsing, one distinct count.
   */
  public static final List<Benched> PIPELINES = List.of(
      new Benched("eventcounts", PipelineBench::eventCountsInput),
      new Benched("trends", PipelineBench::trendsInput),
      new Benched("parking", PipelineBench::parkingInput),
      new Benched("transit", PipelineBench::transitInput));

  private final Path home;
  private final Path workDir;
  private final PrintStream progress;
  private final String runnerHeap;

  /** Runs in {@code workDir}, each runner's JVM with at most {@code runnerHeap} of heap (as -Xmx takes it). */
  public PipelineBench(Path home, Path workDir, PrintStream progress, String runnerHeap) {
    this.home = home;
    this.workDir = workDir;
    this.progress = progress;
    this.runnerHeap = runnerHeap;
  }

  /** The benched pipeline of this name. */
  public static Benched benched(String pipeline) {
    return PIPELINES.stream().filter(b -> b.pipeline().equals(pipeline)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no benchmark for pipeline " + pipeline + "; there are "
            + PIPELINES.stream().map(Benched::pipeline).toList()));
  }

  public List<PipelineRate> run(Benched benched, long events, List<RunnerJvm> runners)
      throws IOException, InterruptedException {
    progress.printf("%s: simulating about %,d events%n", benched.pipeline(), events);
    Input simulated = benched.workload().simulate(events, workDir);
    List<CityEvent> input = simulated.events();
    long n = input.size();

    simulated.loopRows().apply(input.subList(0, (int) Math.min(n, 100_000))); // warm the JIT up
    long start = System.nanoTime();
    Map<String, Long> loopRows = new TreeMap<>(simulated.loopRows().apply(input));
    double loopSeconds = (System.nanoTime() - start) / 1e9;
    double loopRate = n / loopSeconds;
    long allRows = loopRows.values().stream().mapToLong(Long::longValue).sum();
    List<PipelineRate> rates = new ArrayList<>(List.of(
        new PipelineRate(benched.pipeline(), "loop", "in-memory", n, loopSeconds, allRows, loopRate)));
    progress.printf("%s: loop %,d events -> rows %s in %.2f s%n", benched.pipeline(), n, loopRows, loopSeconds);

    Path file = workDir.resolve(benched.pipeline() + "-events.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (CityEvent event : input) {
        out.write(EventJson.encode(event));
        out.newLine();
      }
    }
    List<String> args = simulated.args();
    input = null; // the runners' JVMs need the memory more than this one
    simulated = null;
    for (RunnerJvm runner : runners) {
      Path sink = workDir.resolve(benched.pipeline() + "-" + runner.label());
      progress.printf("%s: running on %s ...%n", benched.pipeline(), runner.label());
      List<String> run = new ArrayList<>(List.of("--pipeline=" + benched.pipeline(), "--mode=reprocess",
          "--source=file:" + file, "--sink=jsonl:" + sink, "--deadLetterDir=" + sink.resolve("dead-letters")));
      run.addAll(args);
      double seconds = runner.run(home, run, workDir.resolve(benched.pipeline() + "-" + runner.label() + ".log"),
          runnerHeap);
      for (Map.Entry<String, Long> table : loopRows.entrySet()) {
        long rows = lines(sink.resolve(table.getKey()));
        if (rows != table.getValue()) {
          throw new IllegalStateException(runner.label() + " wrote " + rows + " " + table.getKey() + " rows, the loop "
              + table.getValue());
        }
      }
      rates.add(new PipelineRate(benched.pipeline(), runner.label(), "reprocess", n, seconds, allRows, loopRate));
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
    return firstEvents(city(SimulatorConfig.builder().routes(0).incidentsEnabled(false).assetEventsPerSecond(0)
        .bursts(0).parkingEventsPerSecond(50).streetZones(10, 10).carParks(4, 200), 50, n), n);
  }

  /** The first {@code n} views of 500 assets at 200 events/s on a day's average. */
  static List<CityEvent> assetEvents(long n) {
    return firstEvents(city(SimulatorConfig.builder().routes(0).incidentsEnabled(false).parkingEventsPerSecond(0)
        .assetEventsPerSecond(200).assets(500).bursts(0), 200, n), n);
  }

  /** The trends run's input and loop, at the default options. */
  static Input trendsInput(long n, Path dir) {
    return oneTableInput(assetEvents(n), TrendsOptions.class, TrendsPipeline::loop, TrendsPipeline.TABLE.name());
  }

  /** The trends input counted by the smallest pipeline: distinct events per kind and minute. */
  static Input eventCountsInput(long n, Path dir) {
    return oneTableInput(assetEvents(n), EventCountOptions.class,
        o -> events -> EventCountLoop.count(events, o.getWindowSeconds() * 1000), EventCountPipeline.TABLE.name());
  }

  /** The parking run's input and loop, at the default options. */
  static Input parkingInput(long n, Path dir) {
    return oneTableInput(parkingEvents(n), ParkingOptions.class, ParkingPipeline::loop, ParkingPipeline.TABLE.name());
  }

  /** A run without arguments of a pipeline with one serving table, and its loop at the default options. */
  private static <O extends PipelineOptions> Input oneTableInput(List<CityEvent> events, Class<O> options,
      Function<O, ? extends Function<Iterable<CityEvent>, ? extends List<?>>> loopOf, String table) {
    Function<Iterable<CityEvent>, ? extends List<?>> loop = loopOf.apply(PipelineOptionsFactory.as(options));
    return new Input(events, List.of(), all -> Map.of(table, (long) loop.apply(all).size()));
  }

  /**
   * The first {@code n} bus positions and incidents of 4 routes (a bus every 10 min each way,
   * reporting every 1 to 2 s as raw AVL does) and 30 incidents an hour, about 17 events/s; the
   * timetable goes into {@code dir} as the run's GTFS zip, measured on the day the city starts. A
   * small timetable on purpose: the pipeline's DoFns carry it, and the DirectRunner serializes a
   * DoFn for every bundle it runs (a 150,000-stop-time feed made 600 events take 150 s on Direct).
   */
  static Input transitInput(long n, Path dir) throws IOException {
    CitySimulator city = city(SimulatorConfig.builder().grid(16, 16, 400).routes(4).headwaySeconds(600)
        .reportIntervalMillis(1_000, 2_000).incidentsPerHour(30).parkingEventsPerSecond(0).assetEventsPerSecond(0)
        .bursts(0), 17, n);
    GtfsFeed feed = city.groundTruth().feed();
    LocalDate day = Instant.ofEpochMilli(city.config().startMillis()).atZone(feed.timeZone()).toLocalDate();
    List<String> args = List.of("--gtfs=" + GtfsZip.write(feed, dir.resolve("transit-gtfs.zip")),
        "--serviceDate=" + day);
    TransitLoop loop = TransitPipeline.loop(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
        .as(TransitOptions.class));
    return new Input(firstEvents(city, n), args, events -> {
      TransitLoop.Rows rows = loop.run(events);
      return Map.of(TransitPipeline.STOP_WAIT.name(), (long) rows.stopWaits().size(),
          TransitPipeline.CELL_STATS.name(), (long) rows.cellStats().size(),
          TransitPipeline.CORRELATION.name(), (long) rows.correlations().size(),
          TransitPipeline.BUS_LATEST, (long) rows.busLatest().size());
    });
  }

  /**
   * A city that runs three times as long as {@code n} events at {@code rate} need, because the
   * simulated rates follow the time of day.
   */
  private static CitySimulator city(SimulatorConfig.Builder config, double rate, long n) {
    return new CitySimulator(config.seed(17).durationMillis((long) (3 * n / rate * 1000)).build());
  }

  /** The first {@code n} events of the city, in event-time order. */
  private static List<CityEvent> firstEvents(CitySimulator city, long n) {
    Iterator<CityEvent> events = city.iterator();
    List<CityEvent> first = new ArrayList<>();
    while (first.size() < n && events.hasNext()) {
      first.add(events.next());
    }
    return first;
  }
}
