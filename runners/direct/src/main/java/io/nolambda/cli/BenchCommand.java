package io.nolambda.cli;

import io.nolambda.cli.bench.ArchiveBench;
import io.nolambda.cli.bench.LatencyBench;
import io.nolambda.cli.bench.PipelineBench;
import io.nolambda.cli.bench.PipelineRate;
import io.nolambda.cli.bench.RunnerJvm;
import io.nolambda.cli.bench.Result;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.LocalServices;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.ServicesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nolambda bench archive}: see {@link ArchiveBench}; {@code nolambda bench pipelines}: see {@link PipelineBench}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
    subcommands = {BenchCommand.Archive.class, BenchCommand.Pipelines.class, BenchCommand.Latency.class})
final class BenchCommand {

  @Command(name = "latency", mixinStandardHelpOptions = true,
      description = "End-to-end latency (send to serving row, p50 and p99) of the trends pipeline streaming from Kafka "
          + "at a fixed rate, on throwaway local services. Flink needs its module built (mvn -q install -DskipTests).")
  static final class Latency implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "20000", description = "views sent per second; default ${DEFAULT-VALUE}")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", description = "measured seconds; default ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--warm-up", defaultValue = "40", description = "unmeasured seconds first; default ${DEFAULT-VALUE}")
    int warmUp;

    @Option(names = "--runner", defaultValue = "flink", description = "default ${DEFAULT-VALUE}")
    String runner;

    @Option(names = "--out", defaultValue = "bench-latency.csv", description = "CSV written here; default ${DEFAULT-VALUE}")
    Path out;

    @Override
    public Integer call() throws Exception {
      ServicesConfig config = ServicesConfig.forTests().withDeleteDataOnClose(true);
      LatencyBench.Latency latency;
      try (LocalServices services = LocalServices.start(config)) {
        latency = new LatencyBench(HomeDir.get(), Files.createTempDirectory("nolambda-bench-latency"), System.out)
            .run(services.endpoints(), RunnerJvm.valueOf(runner.toUpperCase(Locale.ROOT)), rate, seconds, warmUp);
      }
      report(LatencyBench.Latency.HEADER, List.of(latency.cells()), out);
      return 0;
    }
  }

  @Command(name = "pipelines", mixinStandardHelpOptions = true,
      description = "Events/s of each pipeline in reprocess mode (file source, JSON-lines sink) on each runner, in a "
          + "fresh JVM each, against a plain single-thread loop computing the same rows. Spark and Flink need their "
          + "modules built (mvn -q install -DskipTests).")
  static final class Pipelines implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "2000000", description = "simulated events per pipeline; default ${DEFAULT-VALUE}")
    long events;

    @Option(names = "--out", defaultValue = "bench-pipelines.csv", description = "CSV written here; default ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--runners", split = ",", defaultValue = "direct,spark,flink",
        description = "runners to measure; default ${DEFAULT-VALUE}")
    List<String> runners;

    @Option(names = "--pipelines", split = ",", defaultValue = "eventcounts,trends,parking,transit",
        description = "pipelines to measure; default ${DEFAULT-VALUE}")
    List<String> pipelines;

    @Option(names = "--runner-heap", defaultValue = RunnerJvm.DEFAULT_HEAP,
        description = "maximum heap of each runner's JVM, as -Xmx takes it; default ${DEFAULT-VALUE}")
    String runnerHeap;

    @Override
    public Integer call() throws Exception {
      List<RunnerJvm> jvms = runners.stream().map(r -> RunnerJvm.valueOf(r.toUpperCase(Locale.ROOT))).toList();
      List<PipelineBench.Benched> chosen = pipelines.stream().map(PipelineBench::benched).toList();
      Path work = Files.createTempDirectory("nolambda-bench-pipelines");
      PipelineBench bench = new PipelineBench(HomeDir.get(), work, System.out, runnerHeap);
      List<PipelineRate> rates = new ArrayList<>();
      for (PipelineBench.Benched benched : chosen) {
        rates.addAll(bench.run(benched, events, jvms));
      }
      report(PipelineRate.HEADER, rates.stream().map(PipelineRate::cells).toList(), out);
      System.out.println("runs' logs and outputs are in " + work);
      return 0;
    }
  }

  @Command(name = "archive", mixinStandardHelpOptions = true,
      description = "Row table (CassandraIO and plain driver) vs columnar archive vs Parquet (zstd) on N bus positions: "
          + "disk bytes, write time, scans of 1, 3 and all columns with and without a 10% time range. "
          + "Without --cassandra-hosts it starts throwaway local services.")
  static final class Archive implements Callable<Integer> {
    @Mixin CassandraCliOptions cassandra = new CassandraCliOptions();

    @Option(names = "--events", defaultValue = "200000", description = "simulated bus positions; default ${DEFAULT-VALUE}")
    int events;

    @Option(names = "--out", defaultValue = "bench-archive.csv", description = "CSV written here; default ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--cassandra-data-dir", description = "with --cassandra-hosts: the server's data directory, "
        + "to measure the tables on disk (else bytes_on_disk is -1)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
      if (cassandra.hostsGiven()) {
        return run(cassandra.connection(), dataDir);
      }
      ServicesConfig config = ServicesConfig.forTests().withDeleteDataOnClose(true);
      System.out.println("starting throwaway local services in " + config.stateDir());
      try (LocalServices services = LocalServices.start(config)) {
        ServiceEndpoints e = services.endpoints();
        return run(new CassandraConnection(List.of(e.cassandraHost()), e.cassandraPort(), e.localDatacenter(),
            e.credentials().username(), e.credentials().password()), config.stateDir());
      }
    }

    private Integer run(CassandraConnection connection, Path dataRoot) throws Exception {
      List<Result> results = new ArchiveBench(connection, dataRoot, cassandra.keyspace + "_bench", System.out)
          .run(events);
      report(Result.HEADER, results.stream().map(Result::cells).toList(), out);
      return 0;
    }
  }

  /** Prints the rows as a table and writes them, under the header, as CSV to {@code out}. */
  private static void report(List<String> header, List<List<String>> rows, Path out) throws IOException {
    TextTable table = new TextTable(header.toArray(String[]::new));
    rows.forEach(r -> table.add(r.toArray()));
    System.out.print(table);
    Files.write(out, Stream.concat(Stream.of(header), rows.stream()).map(r -> String.join(",", r)).toList());
    System.out.println("wrote " + out);
  }
}
