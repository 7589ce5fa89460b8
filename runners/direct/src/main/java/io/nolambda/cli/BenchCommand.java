package io.nolambda.cli;

import io.nolambda.cli.bench.ArchiveBench;
import io.nolambda.cli.bench.Result;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.LocalServices;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.ServicesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nolambda bench archive}: see {@link ArchiveBench}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
    subcommands = {BenchCommand.Archive.class})
final class BenchCommand {

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
      TextTable table = new TextTable(Result.HEADER.toArray(String[]::new));
      results.forEach(r -> table.add(r.cells().toArray()));
      System.out.print(table);
      Files.write(out, Stream.concat(Stream.of(String.join(",", Result.HEADER)),
          results.stream().map(r -> String.join(",", r.cells()))).toList());
      System.out.println("wrote " + out);
      return 0;
    }
  }
}
