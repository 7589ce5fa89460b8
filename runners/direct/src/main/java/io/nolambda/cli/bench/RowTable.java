package io.nolambda.cli.bench;

import com.datastax.driver.core.BoundStatement;
import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.ResultSetFuture;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SimpleStatement;
import com.datastax.driver.core.exceptions.OperationTimedOutException;
import com.datastax.driver.core.exceptions.WriteTimeoutException;
import io.nolambda.events.BusPosition;
import io.nolambda.io.archive.ArchiveSchema;
import io.nolambda.io.cassandra.CassandraConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * The row-per-event baseline: one CQL row per event, partitioned by (shard, hour bucket) like the
 * archive and clustered by (event_time, event_id). Read with Beam's CassandraIO and with the driver.
 */
final class RowTable implements Layout {
  static final String TABLE = BenchEvents.DATASET;
  private static final int IN_FLIGHT = 128;
  private static final int FETCH_SIZE = 5000;

  private final Session session;
  private final CassandraConnection connection;
  private final CassandraDisk disk;
  private final String keyspace;
  private final String table;

  RowTable(Session session, CassandraConnection connection, CassandraDisk disk, String keyspace) {
    this.session = session;
    this.connection = connection;
    this.disk = disk;
    this.keyspace = keyspace;
    this.table = keyspace + "." + TABLE;
  }

  @Override
  public String name() {
    return "row_table";
  }

  @Override
  public void write(List<BusPosition> events) {
    session.execute("CREATE KEYSPACE " + keyspace
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (shard int, bucket bigint");
    for (ArchiveSchema.Column c : BenchEvents.SCHEMA.columns()) {
      ddl.append(", ").append(c.name()).append(' ').append(switch (c.type()) {
        case INT32 -> "int";
        case INT64 -> "bigint";
        case DOUBLE -> "double";
        case STRING -> "text";
        case BOOLEAN -> "boolean";
      });
    }
    session.execute(ddl.append(", PRIMARY KEY ((shard, bucket), event_time, event_id))").toString());
    List<String> names = BenchEvents.SCHEMA.names();
    PreparedStatement insert = session.prepare("INSERT INTO " + table + " (shard, bucket, " + String.join(", ", names)
        + ") VALUES (?, ?" + ", ?".repeat(names.size()) + ")");
    Map<BoundStatement, ResultSetFuture> pending = new LinkedHashMap<>();
    for (BusPosition event : events) {
      Row row = BenchEvents.row(event);
      BoundStatement bound = insert.bind()
          .setInt(0, Math.floorMod(event.getEventId().hashCode(), BenchEvents.SHARDS))
          .setLong(1, Math.floorDiv(event.getEventTime(), BenchEvents.BUCKET_MILLIS));
      for (int i = 0; i < names.size(); i++) {
        Object value = row.getValue(i);
        if (value != null) { // nulls stay unset: no tombstones
          bind(bound, i + 2, value);
        }
      }
      pending.put(bound, session.executeAsync(bound));
      if (pending.size() >= IN_FLIGHT) {
        await(pending);
      }
    }
    await(pending);
  }

  /** A write the busy local node timed out is sent again: an upsert of the same values is idempotent. */
  private void await(Map<BoundStatement, ResultSetFuture> pending) {
    pending.forEach((statement, future) -> {
      try {
        future.getUninterruptibly();
      } catch (WriteTimeoutException | OperationTimedOutException e) {
        session.execute(statement);
      }
    });
    pending.clear();
  }

  @SuppressWarnings("unchecked")
  private static void bind(BoundStatement bound, int index, Object value) {
    bound.set(index, value, (Class<Object>) value.getClass());
  }

  @Override
  public long bytesOnDisk() throws InterruptedException {
    return disk.measure(keyspace);
  }

  @Override
  public List<Reader> readers() {
    return List.of(new Reader("cassandraio", new CassandraIoScan(connection, keyspace, TABLE), false),
        new Reader("driver", this::scan, true));
  }

  /** All rows with one query; with a filter, one query per (shard, bucket) with the clustering range. */
  private long scan(List<String> columns, TimeFilter filter) {
    String select = "SELECT " + String.join(", ", columns) + " FROM " + table;
    List<SimpleStatement> statements = new ArrayList<>();
    if (!filter.filters()) {
      statements.add(new SimpleStatement(select));
    } else {
      for (long b = Math.floorDiv(filter.from(), BenchEvents.BUCKET_MILLIS);
          b <= Math.floorDiv(filter.to() - 1, BenchEvents.BUCKET_MILLIS); b++) {
        for (int s = 0; s < BenchEvents.SHARDS; s++) {
          statements.add(new SimpleStatement(select + " WHERE shard = ? AND bucket = ? AND event_time >= ?"
              + " AND event_time < ?", s, b, filter.from(), filter.to()));
        }
      }
    }
    long n = 0;
    for (SimpleStatement statement : statements) {
      statement.setFetchSize(FETCH_SIZE);
      for (com.datastax.driver.core.Row row : session.execute(statement)) {
        for (int i = 0; i < columns.size(); i++) {
          row.getObject(i);
        }
        n++;
      }
    }
    return n;
  }
}
