package io.nolambda.cli.bench;

import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Bytes of a keyspace's SSTables under a local Cassandra's data directory, after flush and compaction. */
final class CassandraDisk {
  private static final long TIMEOUT_NANOS = 300_000_000_000L;
  private static final int STABLE_SECONDS = 4;

  private final Session session;
  private final Path dataRoot;

  /** {@code dataRoot}: a directory holding the server's data/&lt;keyspace&gt;/ (searched), or null. */
  CassandraDisk(Session session, Path dataRoot) {
    this.session = session;
    this.dataRoot = dataRoot;
  }

  /**
   * The client cannot flush or major-compact, so each table gets memtable_flush_period_in_ms=1000
   * and size-tiered compaction with min_threshold=2; once the files under data/&lt;keyspace&gt;/
   * stop changing for 4 s (and no tmp file of a running compaction is left), their sizes are
   * summed: every SSTable component (Data, Index, Filter, Statistics, ...), snapshots and the
   * commit log excluded. -1 without a data directory.
   */
  long measure(String keyspace) throws InterruptedException {
    if (dataRoot == null) {
      return -1;
    }
    for (Row t : session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace)) {
      session.execute("ALTER TABLE " + keyspace + "." + t.getString(0) + " WITH memtable_flush_period_in_ms = 1000"
          + " AND compaction = {'class': 'SizeTieredCompactionStrategy', 'min_threshold': 2}");
    }
    long last = -2;
    int stable = 0;
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (stable < STABLE_SECONDS) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the SSTables of " + keyspace + " kept changing for 5 minutes");
      }
      Thread.sleep(1000);
      List<Path> files;
      try {
        files = files(keyspace);
      } catch (UncheckedIOException e) { // a compaction removed a file while we walked
        stable = 0;
        continue;
      }
      long now = files.stream().mapToLong(p -> p.toFile().length()).sum();
      boolean compacting = files.stream().anyMatch(p -> p.getFileName().toString().contains("tmp"));
      stable = now == last && now > 0 && !compacting ? stable + 1 : 0;
      last = now;
    }
    return last;
  }

  private List<Path> files(String keyspace) {
    try (Stream<Path> walk = Files.walk(dataRoot)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> {
            Path rel = dataRoot.relativize(p);
            for (int i = 0; i + 1 < rel.getNameCount(); i++) {
              if (rel.getName(i).toString().equals("data") && rel.getName(i + 1).toString().equals(keyspace)) {
                return !rel.toString().contains("/snapshots/");
              }
            }
            return false;
          })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
