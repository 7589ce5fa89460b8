package io.nolambda.cli.bench;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import io.nolambda.events.BusPosition;
import io.nolambda.io.cassandra.CassandraConnection;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same N simulated bus positions stored three ways in one run (a row-per-event Cassandra
 * table, the columnar archive, a Parquet file), then scanned by every reader of every layout for
 * 1, 3 and all columns, without and with a time range holding 10% of the events. Every scan must
 * read exactly the events written (or in range), else the run fails.
 */
public final class ArchiveBench {
  private final CassandraConnection connection;
  private final Path cassandraDataRoot;
  private final String keyspacePrefix;
  private final PrintStream log;

  /**
   * {@code cassandraDataRoot}: a directory holding the server's data/&lt;keyspace&gt;/ directories,
   * or null (bytes on disk of the Cassandra layouts are then -1). The keyspaces
   * {@code <prefix>_rows} and {@code <prefix>_archive} are dropped first and left behind.
   */
  public ArchiveBench(CassandraConnection connection, Path cassandraDataRoot, String keyspacePrefix, PrintStream log) {
    this.connection = connection;
    this.cassandraDataRoot = cassandraDataRoot;
    this.keyspacePrefix = keyspacePrefix;
    this.log = log;
  }

  public List<Result> run(int events) throws Exception {
    log.printf("simulating %,d bus positions%n", events);
    List<BusPosition> data = BenchEvents.simulate(events);
    List<Result> results = new ArrayList<>();
    try (Cluster cluster = connection.cluster(); Session session = cluster.connect();
        ParquetFile parquet = new ParquetFile()) {
      String rows = keyspacePrefix + "_rows";
      String archive = keyspacePrefix + "_archive";
      for (String keyspace : List.of(rows, archive)) {
        session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
      }
      CassandraDisk disk = new CassandraDisk(session, cassandraDataRoot);
      List<Layout> layouts = List.of(new RowTable(session, connection, disk, rows),
          new ArchiveStore(session, disk, archive), parquet);
      Map<String, Long> bytes = new HashMap<>();
      for (Layout layout : layouts) {
        long start = System.nanoTime();
        layout.write(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        bytes.put(layout.name(), layout.bytesOnDisk());
        results.add(report(new Result(layout.name(), "write", ColumnSet.ALL.label, TimeFilter.NONE.label(),
            data.size(), bytes.get(layout.name()), seconds)));
      }
      for (TimeFilter filter : List.of(TimeFilter.NONE, TimeFilter.middleTenth(data))) {
        long expected = filter.count(data);
        for (ColumnSet columns : ColumnSet.values()) {
          for (Layout layout : layouts) {
            for (Layout.Reader reader : layout.readers()) {
              double seconds = time(reader, columns, filter, expected, layout.name());
              results.add(report(new Result(layout.name(), reader.name(), columns.label, filter.label(), expected,
                  bytes.get(layout.name()), seconds)));
            }
          }
        }
      }
    }
    return results;
  }

  /** Seconds of one scan, after an untimed warm-up pass where the reader allows (JIT, caches). */
  private static double time(Layout.Reader reader, ColumnSet columns, TimeFilter filter, long expected, String layout)
      throws Exception {
    if (reader.warmUp()) {
      reader.scan().count(columns.names, filter);
    }
    long start = System.nanoTime();
    long read = reader.scan().count(columns.names, filter);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (read != expected) {
      throw new IllegalStateException(layout + "/" + reader.name() + "/" + columns.label + "/" + filter.label()
          + " read " + read + " events, expected " + expected);
    }
    return seconds;
  }

  private Result report(Result result) {
    log.printf("%-10s %-15s %-4s %-10s %,d events in %.2f s%n", result.layout(), result.reader(), result.columns(),
        result.filter(), result.events(), result.seconds());
    return result;
  }
}
