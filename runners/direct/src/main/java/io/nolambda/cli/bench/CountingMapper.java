package io.nolambda.cli.bench;

import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.beam.sdk.io.cassandra.Mapper;
import org.apache.beam.sdk.transforms.SerializableFunction;

/** A read-only CassandraIO mapper: reads the first {@code columns} values of each row, emits the row count. */
final class CountingMapper implements Mapper<Long> {
  private final int columns;
  private final TimeFilter filter;
  private final int timeIndex;

  /** {@code timeIndex}: the position of the event time in the rows, or -1 when not filtering. */
  CountingMapper(int columns, TimeFilter filter, int timeIndex) {
    this.columns = columns;
    this.filter = filter;
    this.timeIndex = timeIndex;
  }

  @Override
  public Iterator<Long> map(ResultSet resultSet) {
    long n = 0;
    for (Row row : resultSet) {
      if (timeIndex >= 0 && !filter.contains(row.getLong(timeIndex))) {
        continue;
      }
      for (int i = 0; i < columns; i++) {
        row.getObject(i);
      }
      n++;
    }
    return List.of(n).iterator();
  }

  @Override
  public Future<Void> deleteAsync(Long entity) {
    throw new UnsupportedOperationException("read only");
  }

  @Override
  public Future<Void> saveAsync(Long entity) {
    throw new UnsupportedOperationException("read only");
  }

  /** What CassandraIO serializes to its readers. */
  static final class Factory implements SerializableFunction<Session, Mapper> {
    private final int columns;
    private final TimeFilter filter;
    private final int timeIndex;

    Factory(int columns, TimeFilter filter, int timeIndex) {
      this.columns = columns;
      this.filter = filter;
      this.timeIndex = timeIndex;
    }

    @Override
    public Mapper apply(Session session) {
      return new CountingMapper(columns, filter, timeIndex);
    }
  }
}
