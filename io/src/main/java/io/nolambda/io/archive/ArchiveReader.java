package io.nolambda.io.archive;

import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.exceptions.DriverException;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.cassandra.ServingTables;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.Row;

/**
 * Ad-hoc queries over the archive without Beam (the {@code archive query} CLI, tests), and the
 * engine behind {@link ArchiveIO#read()}.
 *
 * <p>Pushed into CQL: the dataset and time range select partitions from
 * {@code archive_partitions} (bucket range); an equality filter on the id column selects the one
 * shard it hashes to; only committed chunks (listed in {@code archive_chunk_index}) whose
 * min/max statistics can match the time range and filters are fetched, and only the columns
 * needed (projection, filters, time). Rows are then filtered exactly, and repeated event ids
 * within a partition are dropped (see {@link ArchiveWriter} on replays): an event sits in one
 * partition at one time, so only chunks whose [min, max] time ranges overlap can share one, and
 * the id column is read for those chunks only (for all when the query projects or filters it).
 *
 * <p>Not thread-safe (it keeps read statistics); use one per thread.
 */
public final class ArchiveReader implements AutoCloseable {
  /** One Cassandra partition of a dataset. */
  public record Partition(int shard, long bucket) implements Serializable {}

  /** A row with its event time (also when the time column is not projected). */
  public record TimedRow(long eventTime, Row row) {}

  /** What the reader touched so far: for tests and the CLI. */
  public static final class ReadStats {
    public long chunksListed;
    public long chunksSkipped;
    public long blobsRead;
    public long blobBytes;

    @Override
    public String toString() {
      return "chunks listed " + chunksListed + ", skipped " + chunksSkipped + ", column blobs read " + blobsRead
          + " (" + blobBytes + " bytes)";
    }
  }

  private record ChunkMeta(String chunkId, int rows, long minTime, long maxTime, Map<String, Integer> nullCounts,
      Map<String, ByteBuffer> mins, Map<String, ByteBuffer> maxs, Map<String, Long> bytes) {}

  private final Sessions.Lease lease;
  private final Session session;
  private final String keyspace;
  private final ReadStats stats = new ReadStats();
  private final PreparedStatement listPartitions;
  private final PreparedStatement listChunks;
  private final PreparedStatement readColumn;
  private final PreparedStatement readColumnChunks;

  public ArchiveReader(Session session, String keyspace) {
    this(null, session, keyspace);
  }

  private ArchiveReader(Sessions.Lease lease, Session session, String keyspace) {
    this.lease = lease;
    this.session = session;
    this.keyspace = ServingTables.checkIdentifier(keyspace);
    this.listPartitions = Sessions.prepare(session, "SELECT bucket, shard FROM " + keyspace
        + ".archive_partitions WHERE dataset = ? AND bucket >= ? AND bucket <= ?")
        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
    this.listChunks = Sessions.prepare(session, "SELECT chunk_id, row_count, min_time, max_time, null_counts, min_values,"
        + " max_values, column_bytes FROM " + keyspace + ".archive_chunk_index WHERE dataset = ? AND shard = ?"
        + " AND bucket = ?").setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
    this.readColumn = Sessions.prepare(session, "SELECT chunk_id, data FROM " + keyspace + ".archive_chunks WHERE dataset = ?"
        + " AND shard = ? AND bucket = ? AND column_name = ?").setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
    this.readColumnChunks = Sessions.prepare(session, "SELECT chunk_id, data FROM " + keyspace + ".archive_chunks WHERE"
        + " dataset = ? AND shard = ? AND bucket = ? AND column_name = ? AND chunk_id IN ?")
        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
  }

  /**
   * A reader on this JVM's shared driver session for the connection (see {@link Sessions});
   * closing the reader releases it.
   */
  public static ArchiveReader connect(CassandraConnection connection, String keyspace) {
    Sessions.Lease lease = Sessions.acquire(connection);
    try {
      return new ArchiveReader(lease, lease.session(), keyspace);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  public ReadStats stats() {
    return stats;
  }

  /** The latest version of a dataset. */
  public DatasetSpec dataset(String dataset) {
    return findDataset(dataset).orElseThrow(() ->
        new IllegalArgumentException("no archived dataset '" + dataset + "' in " + keyspace));
  }

  /** The latest version of a dataset, if anything was ever archived in it. */
  public java.util.Optional<DatasetSpec> findDataset(String dataset) {
    return ArchiveTables.load(session, keyspace, dataset);
  }

  /** The columns a query returns, in order. */
  public static ArchiveSchema outputSchema(DatasetSpec spec, ArchiveQuery query) {
    ArchiveSchema schema = spec.schema();
    return query.columns() == null ? schema : schema.project(query.columns());
  }

  /** Runs a query: rows ordered by partition, then (event time, event id). */
  public List<Row> query(ArchiveQuery query) {
    DatasetSpec spec = dataset(query.dataset());
    List<Row> rows = new ArrayList<>();
    for (Partition p : partitions(spec, query)) {
      readPartition(spec, query, p).forEach(t -> rows.add(t.row()));
    }
    return rows;
  }

  /**
   * Rows per dataset with an event time before {@code toMillis}, for those of the datasets that
   * exist (one not archived yet is absent): how a test watches a live run's archive fill up.
   */
  public Map<String, Long> rowsPerDataset(Set<String> datasets, long toMillis) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String dataset : datasets) {
      findDataset(dataset).ifPresent(spec -> {
        ArchiveQuery ids = ArchiveQuery.all(dataset).withColumns(spec.idColumn()).withTimeRange(Long.MIN_VALUE, toMillis);
        long rows = 0;
        for (Partition p : partitions(spec, ids)) {
          rows += readPartition(spec, ids, p).size();
        }
        counts.put(dataset, rows);
      });
    }
    return counts;
  }

  /**
   * Polls {@link #rowsPerDataset} of the archive in {@code keyspace} until it equals {@code want}
   * (rows per dataset before {@code toMillis}) or {@code timeout} passes: how a caller waits for a
   * live run to archive its input. The run may still be creating the tables; that reads as nothing
   * archived yet.
   *
   * @return the last counts seen: {@code want} unless the timeout passed
   */
  public static Map<String, Long> awaitRowsPerDataset(Session session, String keyspace, Map<String, Long> want,
      long toMillis, java.time.Duration timeout) throws InterruptedException {
    Map<String, Long> have = Map.of();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        have = new ArchiveReader(session, keyspace).rowsPerDataset(want.keySet(), toMillis);
      } catch (DriverException tablesNotReady) {
        // "unconfigured table", or "Unknown CF" while the new schema settles; a lasting failure
        // ends in the timeout and the caller's message naming both counts
        have = Map.of();
      }
      if (have.equals(want)) {
        break;
      }
      Thread.sleep(1000);
    }
    return have;
  }

  /** The partitions that may hold rows of the query (time range and id-equality pushdown). */
  public List<Partition> partitions(DatasetSpec spec, ArchiveQuery query) {
    validate(spec, query);
    long low = query.fromMillis() <= Long.MIN_VALUE + spec.bucketMillis() ? Long.MIN_VALUE : spec.bucketOf(query.fromMillis());
    long high = spec.bucketOf(query.toMillis() - 1);
    Integer onlyShard = null;
    for (Filter f : query.filters()) {
      if (f.column().equals(spec.idColumn()) && f.op() == Filter.Op.EQ) {
        onlyShard = spec.shardOf((String) f.value());
      }
    }
    List<Partition> result = new ArrayList<>();
    for (com.datastax.driver.core.Row row : session.execute(listPartitions.bind(spec.dataset(), low, high))) {
      Partition p = new Partition(row.getInt("shard"), row.getLong("bucket"));
      if (onlyShard == null || p.shard() == onlyShard) {
        result.add(p);
      }
    }
    return result;
  }

  /** Compressed bytes the query would fetch from one partition (chunk index only). */
  public long estimateBytes(DatasetSpec spec, ArchiveQuery query, Partition partition) {
    Set<String> needed = neededColumns(spec, query);
    long total = 0;
    for (ChunkMeta chunk : selectedChunks(spec, query, partition)) {
      for (String column : needed) {
        total += chunk.bytes().getOrDefault(column, 0L);
      }
    }
    return total;
  }

  /** Chunks the query would read from one partition (chunk index only). */
  public int estimateChunks(DatasetSpec spec, ArchiveQuery query, Partition partition) {
    return selectedChunks(spec, query, partition).size();
  }

  /** Reads the matching rows of one partition. */
  public List<TimedRow> readPartition(DatasetSpec spec, ArchiveQuery query, Partition partition) {
    validate(spec, query);
    List<ChunkMeta> chunks = selectedChunks(spec, query, partition);
    List<TimedRow> out = new ArrayList<>();
    if (chunks.isEmpty()) {
      return out;
    }
    ArchiveSchema schema = spec.schema();
    ArchiveSchema output = outputSchema(spec, query);
    org.apache.beam.sdk.schemas.Schema beamOutput = output.toBeam();
    Set<String> columns = neededColumns(spec, query);
    List<ChunkMeta> deduplicated = overlapping(chunks);
    Map<String, List<ChunkMeta>> fetched = new LinkedHashMap<>();
    columns.forEach(c -> fetched.put(c, chunks));
    if (!deduplicated.isEmpty()) {
      fetched.putIfAbsent(spec.idColumn(), deduplicated);
    }
    Map<String, com.datastax.driver.core.ResultSetFuture> pending = new HashMap<>();
    fetched.forEach((column, of) -> pending.put(column, fetchColumn(spec, partition, column, of))); // all in flight
    Map<String, Map<String, Object[]>> data = new HashMap<>();
    fetched.forEach((column, of) -> data.put(column, decodeColumn(schema.require(column), of, pending.get(column))));
    Set<String> dedup = new HashSet<>();
    deduplicated.forEach(c -> dedup.add(c.chunkId()));
    Set<String> seen = new HashSet<>();
    List<Filter> filters = query.filters();
    List<ArchiveSchema.Column> columnsOut = output.columns();
    for (ChunkMeta chunk : chunks) {
      String id = chunk.chunkId();
      // the chunk's arrays looked up once, not per row and value
      Object[] times = data.get(spec.timeColumn()).get(id);
      Object[] ids = dedup.contains(id) ? data.get(spec.idColumn()).get(id) : null;
      Object[][] tested = new Object[filters.size()][];
      for (int f = 0; f < tested.length; f++) {
        tested[f] = data.get(filters.get(f).column()).get(id);
      }
      Object[][] values = new Object[columnsOut.size()][];
      for (int c = 0; c < values.length; c++) {
        values[c] = data.get(columnsOut.get(c).name()).get(id);
      }
      rows:
      for (int i = 0; i < chunk.rows(); i++) {
        long time = (Long) times[i];
        if (time < query.fromMillis() || time >= query.toMillis()) {
          continue;
        }
        for (int f = 0; f < tested.length; f++) {
          if (!filters.get(f).test(tested[f][i])) {
            continue rows;
          }
        }
        if (ids != null && !seen.add((String) ids[i])) {
          continue;
        }
        List<Object> row = new ArrayList<>(values.length);
        for (Object[] column : values) {
          row.add(column[i]);
        }
        // the codec decodes exactly the schema's Java types: no per-value verification needed
        out.add(new TimedRow(time, Row.withSchema(beamOutput).attachValues(row)));
      }
    }
    return out;
  }

  /** Starts the read of one column's blobs of the selected chunks; null if no chunk has it. */
  private com.datastax.driver.core.ResultSetFuture fetchColumn(DatasetSpec spec, Partition p, String column,
      List<ChunkMeta> chunks) {
    List<String> ids = new ArrayList<>();
    for (ChunkMeta chunk : chunks) {
      if (chunk.nullCounts().containsKey(column)) {
        ids.add(chunk.chunkId());
      }
    }
    if (ids.isEmpty()) {
      return null;
    }
    // Few chunks: ask for exactly those; else one contiguous slice of the column.
    return session.executeAsync(ids.size() <= 32
        ? readColumnChunks.bind(spec.dataset(), p.shard(), p.bucket(), column, ids)
        : readColumn.bind(spec.dataset(), p.shard(), p.bucket(), column));
  }

  private Map<String, Object[]> decodeColumn(ArchiveSchema.Column column, List<ChunkMeta> chunks,
      com.datastax.driver.core.ResultSetFuture future) {
    Map<String, Object[]> byChunk = new HashMap<>();
    if (future != null) {
      Set<String> wanted = new HashSet<>();
      for (ChunkMeta chunk : chunks) {
        wanted.add(chunk.chunkId());
      }
      for (com.datastax.driver.core.Row row : future.getUninterruptibly()) {
        String chunkId = row.getString("chunk_id");
        if (!wanted.contains(chunkId)) {
          continue; // skipped by statistics, or not committed
        }
        ByteBuffer buffer = row.getBytes("data");
        byte[] blob = new byte[buffer.remaining()];
        buffer.get(blob);
        stats.blobsRead++;
        stats.blobBytes += blob.length;
        byChunk.put(chunkId, ColumnCodec.decode(column.type(), blob));
      }
    }
    for (ChunkMeta chunk : chunks) {
      if (!byChunk.containsKey(chunk.chunkId())) {
        if (chunk.nullCounts().containsKey(column.name())) {
          throw new IllegalStateException("committed chunk " + chunk.chunkId() + " lacks column " + column.name());
        }
        byChunk.put(chunk.chunkId(), new Object[chunk.rows()]); // written before the column existed
      }
    }
    return byChunk;
  }

  private List<ChunkMeta> selectedChunks(DatasetSpec spec, ArchiveQuery query, Partition p) {
    List<ChunkMeta> selected = new ArrayList<>();
    for (com.datastax.driver.core.Row row : session.execute(listChunks.bind(spec.dataset(), p.shard(), p.bucket()))) {
      ChunkMeta chunk = new ChunkMeta(row.getString("chunk_id"), row.getInt("row_count"), row.getLong("min_time"),
          row.getLong("max_time"), row.getMap("null_counts", String.class, Integer.class),
          row.getMap("min_values", String.class, ByteBuffer.class),
          row.getMap("max_values", String.class, ByteBuffer.class),
          row.getMap("column_bytes", String.class, Long.class));
      stats.chunksListed++;
      if (mayMatch(spec, query, chunk)) {
        selected.add(chunk);
      } else {
        stats.chunksSkipped++;
      }
    }
    return selected;
  }

  private static boolean mayMatch(DatasetSpec spec, ArchiveQuery query, ChunkMeta chunk) {
    if (chunk.maxTime() < query.fromMillis() || chunk.minTime() >= query.toMillis()) {
      return false;
    }
    for (Filter f : query.filters()) {
      ColumnType type = spec.schema().require(f.column()).type();
      Integer nulls = chunk.nullCounts().get(f.column());
      if (nulls == null) {
        if (!f.mayMatch(null, null, chunk.rows(), chunk.rows())) {
          return false;
        }
        continue;
      }
      ByteBuffer min = chunk.mins().get(f.column());
      ByteBuffer max = chunk.maxs().get(f.column());
      if (!f.mayMatch(min == null ? null : Stats.fromBytes(type, min), max == null ? null : Stats.fromBytes(type, max),
          nulls, chunk.rows())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The chunks whose time range overlaps another's (sweep over the ranges sorted by start; a
   * group of mutually chained ranges is kept whole). Only these can hold the same event.
   */
  private static List<ChunkMeta> overlapping(List<ChunkMeta> chunks) {
    List<ChunkMeta> sorted = new ArrayList<>(chunks);
    sorted.sort(java.util.Comparator.comparingLong(ChunkMeta::minTime));
    List<ChunkMeta> result = new ArrayList<>();
    List<ChunkMeta> group = new ArrayList<>();
    long groupMax = Long.MIN_VALUE;
    for (ChunkMeta chunk : sorted) {
      if (!group.isEmpty() && chunk.minTime() > groupMax) {
        if (group.size() > 1) {
          result.addAll(group);
        }
        group.clear();
      }
      group.add(chunk);
      groupMax = group.size() == 1 ? chunk.maxTime() : Math.max(groupMax, chunk.maxTime());
    }
    if (group.size() > 1) {
      result.addAll(group);
    }
    return result;
  }

  private static Set<String> neededColumns(DatasetSpec spec, ArchiveQuery query) {
    Set<String> needed = new LinkedHashSet<>();
    needed.add(spec.timeColumn());
    needed.addAll(outputSchema(spec, query).names());
    query.filters().forEach(f -> needed.add(f.column()));
    return needed;
  }

  private static void validate(DatasetSpec spec, ArchiveQuery query) {
    outputSchema(spec, query);
    for (Filter f : query.filters()) {
      ColumnType type = spec.schema().require(f.column()).type();
      if (f.value() != null && type.beamType().getTypeName() != valueType(f.value())) {
        throw new IllegalArgumentException("filter " + f + " compares a " + type + " column with a "
            + f.value().getClass().getSimpleName());
      }
    }
  }

  private static org.apache.beam.sdk.schemas.Schema.TypeName valueType(Object value) {
    if (value instanceof Integer) {
      return org.apache.beam.sdk.schemas.Schema.TypeName.INT32;
    } else if (value instanceof Long) {
      return org.apache.beam.sdk.schemas.Schema.TypeName.INT64;
    } else if (value instanceof Double) {
      return org.apache.beam.sdk.schemas.Schema.TypeName.DOUBLE;
    } else if (value instanceof String) {
      return org.apache.beam.sdk.schemas.Schema.TypeName.STRING;
    } else if (value instanceof Boolean) {
      return org.apache.beam.sdk.schemas.Schema.TypeName.BOOLEAN;
    }
    throw new IllegalArgumentException("unsupported filter value " + value.getClass());
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
    }
  }
}
