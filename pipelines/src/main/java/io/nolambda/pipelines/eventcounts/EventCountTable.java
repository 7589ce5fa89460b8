package io.nolambda.pipelines.eventcounts;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.cassandra.ServingTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the event-count serving table back, for the demo and the tests. */
public final class EventCountTable {
  private EventCountTable() {}

  /** Every row of the table, ordered by kind and window start. */
  public static List<EventCount> readAll(CassandraConnection connection, String keyspace) {
    List<EventCount> rows = new ArrayList<>();
    try (Cluster cluster = connection.cluster(); Session session = cluster.connect(ServingTables.checkIdentifier(keyspace))) {
      String select = "SELECT kind, window_start, window_end, events FROM " + EventCountPipeline.TABLE.name();
      for (Row row : session.execute(select)) {
        rows.add(new EventCount(row.getString("kind"), row.getLong("window_start"),
            row.getLong("window_end"), row.getLong("events")));
      }
    }
    rows.sort(EventCountLoop.ROW_ORDER);
    return rows;
  }

  /**
   * Polls the table of a running streaming job until it holds exactly {@code expected} or the
   * timeout passes (a streaming job never "finishes"), and returns what it last read.
   */
  public static List<EventCount> awaitRows(
      CassandraConnection connection, String keyspace, List<EventCount> expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<EventCount> rows = readAll(connection, keyspace);
    while (!rows.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      rows = readAll(connection, keyspace);
    }
    return rows;
  }
}
