package io.nolambda.io.archive;

import io.nolambda.io.cassandra.CassandraConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * A bounded read of one archive query. Splits are whole Cassandra partitions (shard, bucket),
 * packed into bundles up to the desired size by the compressed bytes of the chunks and columns
 * the query would fetch (from the chunk index). A partition is never split further because
 * duplicate event ids are dropped per partition.
 */
final class ArchiveSource extends BoundedSource<Row> {
  private final CassandraConnection connection;
  private final String keyspace;
  private final DatasetSpec spec;
  private final ArchiveQuery query;
  /** Null: every partition of the query, found when splitting. */
  private final List<ArchiveReader.Partition> partitions;
  private final long estimatedBytes;

  ArchiveSource(CassandraConnection connection, String keyspace, DatasetSpec spec, ArchiveQuery query,
      List<ArchiveReader.Partition> partitions, long estimatedBytes) {
    this.connection = connection;
    this.keyspace = keyspace;
    this.spec = spec;
    this.query = query;
    this.partitions = partitions == null ? null : List.copyOf(partitions);
    this.estimatedBytes = estimatedBytes;
  }

  @Override
  public List<? extends BoundedSource<Row>> split(long desiredBundleSizeBytes, PipelineOptions options) {
    List<ArchiveSource> splits = new ArrayList<>();
    try (ArchiveReader reader = ArchiveReader.connect(connection, keyspace)) {
      List<ArchiveReader.Partition> all = partitions != null ? partitions : reader.partitions(spec, query);
      List<ArchiveReader.Partition> bundle = new ArrayList<>();
      long bundleBytes = 0;
      for (ArchiveReader.Partition p : all) {
        long bytes = reader.estimateBytes(spec, query, p);
        if (!bundle.isEmpty() && bundleBytes + bytes > desiredBundleSizeBytes) {
          splits.add(new ArchiveSource(connection, keyspace, spec, query, bundle, bundleBytes));
          bundle = new ArrayList<>();
          bundleBytes = 0;
        }
        bundle.add(p);
        bundleBytes += bytes;
      }
      if (!bundle.isEmpty() || splits.isEmpty()) { // an empty read is one empty split
        splits.add(new ArchiveSource(connection, keyspace, spec, query, bundle, bundleBytes));
      }
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    if (partitions != null) {
      return estimatedBytes;
    }
    long total = 0;
    try (ArchiveReader reader = ArchiveReader.connect(connection, keyspace)) {
      for (ArchiveReader.Partition p : reader.partitions(spec, query)) {
        total += reader.estimateBytes(spec, query, p);
      }
    }
    return total;
  }

  List<ArchiveReader.Partition> partitions() {
    return partitions;
  }

  @Override
  public Coder<Row> getOutputCoder() {
    return RowCoder.of(ArchiveReader.outputSchema(spec, query).toBeam());
  }

  @Override
  public BoundedReader<Row> createReader(PipelineOptions options) {
    return new Reader(this);
  }

  /** Reads its partitions one after the other; rows carry their event time as timestamp. */
  private static final class Reader extends BoundedReader<Row> {
    private final Counter chunksRead =
        Metrics.counter(ArchiveIO.CHUNKS_READ.getNamespace(), ArchiveIO.CHUNKS_READ.getName());
    private final ArchiveSource source;
    private ArchiveReader reader;
    private Iterator<ArchiveReader.Partition> remaining;
    private Iterator<ArchiveReader.TimedRow> rows = java.util.Collections.emptyIterator();
    private ArchiveReader.TimedRow current;

    Reader(ArchiveSource source) {
      this.source = source;
    }

    @Override
    public boolean start() throws IOException {
      reader = ArchiveReader.connect(source.connection, source.keyspace);
      List<ArchiveReader.Partition> list =
          source.partitions != null ? source.partitions : reader.partitions(source.spec, source.query);
      remaining = list.iterator();
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      while (!rows.hasNext()) {
        if (!remaining.hasNext()) {
          current = null;
          return false;
        }
        long before = reader.stats().chunksListed - reader.stats().chunksSkipped;
        rows = reader.readPartition(source.spec, source.query, remaining.next()).iterator();
        chunksRead.inc(reader.stats().chunksListed - reader.stats().chunksSkipped - before);
      }
      current = rows.next();
      return true;
    }

    @Override
    public Row getCurrent() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current.row();
    }

    @Override
    public Instant getCurrentTimestamp() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return new Instant(current.eventTime());
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.close();
      }
    }

    @Override
    public BoundedSource<Row> getCurrentSource() {
      return source;
    }
  }
}
