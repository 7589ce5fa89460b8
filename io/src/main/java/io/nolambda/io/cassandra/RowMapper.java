package io.nolambda.io.cassandra;

import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.Session;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.io.cassandra.Mapper;
import org.apache.beam.sdk.values.Row;

/**
 * CassandraIO's mapper for Beam Rows: one prepared upsert per table, bound by field name, so any
 * schema'd output can be written without a hand-made entity class. Write-only.
 */
final class RowMapper implements Mapper<Row> {
  private final Session session;
  /**
   * Upserts prepared once per session: CassandraIO makes a mapper per bundle, and a runner's bundles
   * can be tiny (the direct runner's are one key and window), so preparing each time costs a server
   * round trip per bundle.
   */
  private static final Map<Session, Map<String, PreparedStatement>> PREPARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final PreparedStatement insert;
  private final ServingTable table;

  RowMapper(Session session, ServingTable table) {
    this.session = session;
    this.table = table;
    this.insert = PREPARED.computeIfAbsent(session, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(table.insert(), session::prepare);
  }

  @Override
  public Future<Void> saveAsync(Row row) {
    Object[] values = new Object[table.schema().getFieldCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getValue(table.schema().getField(i).getName());
    }
    return new Done(session.executeAsync(insert.bind(values)));
  }

  /** The write's completion, without Guava's future helpers (their API differs across the runners' Guavas). */
  private record Done(Future<?> write) implements Future<Void> {
    @Override
    public boolean cancel(boolean mayInterrupt) {
      return write.cancel(mayInterrupt);
    }

    @Override
    public boolean isCancelled() {
      return write.isCancelled();
    }

    @Override
    public boolean isDone() {
      return write.isDone();
    }

    @Override
    public Void get() throws InterruptedException, ExecutionException {
      write.get();
      return null;
    }

    @Override
    public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      write.get(timeout, unit);
      return null;
    }
  }

  @Override
  public Iterator<Row> map(ResultSet resultSet) {
    throw new UnsupportedOperationException("RowMapper writes serving tables; read them with the driver");
  }

  @Override
  public Future<Void> deleteAsync(Row row) {
    throw new UnsupportedOperationException("serving rows are overwritten, never deleted");
  }
}
