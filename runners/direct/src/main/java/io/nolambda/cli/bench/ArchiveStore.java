package io.nolambda.cli.bench;

import com.datastax.driver.core.Session;
import io.nolambda.events.BusPosition;
import io.nolambda.io.archive.ArchiveQuery;
import io.nolambda.io.archive.ArchiveReader;
import io.nolambda.io.archive.ArchiveTables;
import io.nolambda.io.archive.ArchiveWriter;
import io.nolambda.io.archive.DatasetSpec;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/** The columnar archive (io.nolambda.io.archive) in its own keyspace, read with {@link ArchiveReader}. */
final class ArchiveStore implements Layout {
  /** Rows converted and handed to the writer at a time, so that not all events exist twice as rows. */
  private static final int BATCH = 50_000;

  private final Session session;
  private final CassandraDisk disk;
  private final String keyspace;

  ArchiveStore(Session session, CassandraDisk disk, String keyspace) {
    this.session = session;
    this.disk = disk;
    this.keyspace = keyspace;
  }

  @Override
  public String name() {
    return "archive";
  }

  @Override
  public void write(List<BusPosition> events) {
    DatasetSpec spec = ArchiveTables.register(session, keyspace, 1, BenchEvents.DATASET, BenchEvents.SCHEMA,
        BenchEvents.TIME_COLUMN, "event_id", BenchEvents.SHARDS, BenchEvents.BUCKET_MILLIS);
    ArchiveWriter writer = new ArchiveWriter(session, keyspace, spec);
    for (int i = 0; i < events.size(); i += BATCH) {
      List<Row> rows = events.subList(i, Math.min(events.size(), i + BATCH)).stream().map(BenchEvents::row).toList();
      writer.write(rows);
    }
  }

  @Override
  public long bytesOnDisk() throws InterruptedException {
    return disk.measure(keyspace);
  }

  @Override
  public List<Reader> readers() {
    return List.of(new Reader("archive_reader", this::scan, true));
  }

  private long scan(List<String> columns, TimeFilter filter) {
    ArchiveReader reader = new ArchiveReader(session, keyspace); // on the benchmark's session: nothing to release
    DatasetSpec spec = reader.dataset(BenchEvents.DATASET);
    ArchiveQuery query = ArchiveQuery.all(BenchEvents.DATASET).withColumns(columns);
    if (filter.filters()) {
      query = query.withTimeRange(filter.from(), filter.to());
    }
    long n = 0;
    for (ArchiveReader.Partition p : reader.partitions(spec, query)) {
      for (ArchiveReader.TimedRow row : reader.readPartition(spec, query, p)) {
        for (int i = 0; i < columns.size(); i++) {
          row.row().getValue(i);
        }
        n++;
      }
    }
    return n;
  }
}
