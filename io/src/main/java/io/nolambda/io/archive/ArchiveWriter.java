package io.nolambda.io.archive;

import com.datastax.driver.core.BoundStatement;
import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.ResultSetFuture;
import com.datastax.driver.core.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/**
 * Writes rows of one dataset version as column chunks, outside Beam or inside a DoFn.
 *
 * <p>Per (shard, bucket) partition: rows are sorted by (event time, event id) and cut into chunks
 * of at most {@link #CHUNK_ROWS}. For each chunk all column blobs are written and acknowledged
 * first, and only then its {@code archive_chunk_index} row: that row is the commit marker, and
 * readers only read chunks listed there, so a crash never exposes part of a chunk.
 *
 * <p>Replays: a chunk's id is {@code hex(min event time)-hash(schema version, sorted event ids)},
 * so writing the same rows again (a retried bundle, a re-run of a batch job) overwrites the
 * same cells with identical values. Where a replay cuts chunks differently (different bundles),
 * an event can sit in two committed chunks of its partition; readers therefore also drop
 * repeated event ids within a partition (an event's partition is a function of its id and time,
 * so duplicates always share a partition).
 */
public final class ArchiveWriter {
  public static final int CHUNK_ROWS = 1000;

  private final Session session;
  private final DatasetSpec spec;
  private final int chunkRows;
  private final PreparedStatement insertPartition;
  private final PreparedStatement insertChunk;
  private final PreparedStatement insertIndex;

  public ArchiveWriter(Session session, String keyspace, DatasetSpec spec) {
    this(session, keyspace, spec, CHUNK_ROWS);
  }

  public ArchiveWriter(Session session, String keyspace, DatasetSpec spec, int chunkRows) {
    this.session = session;
    this.spec = spec;
    this.chunkRows = chunkRows;
    String ks = io.nolambda.io.cassandra.ServingTables.checkIdentifier(keyspace);
    this.insertPartition = Sessions.prepare(session, "INSERT INTO " + ks + ".archive_partitions (dataset, bucket, shard) VALUES (?, ?, ?)")
        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
    this.insertChunk = Sessions.prepare(session, "INSERT INTO " + ks + ".archive_chunks (dataset, shard, bucket, column_name,"
        + " chunk_id, data) VALUES (?, ?, ?, ?, ?, ?)").setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
    this.insertIndex = Sessions.prepare(session, "INSERT INTO " + ks + ".archive_chunk_index (dataset, shard, bucket, chunk_id,"
        + " row_count, min_time, max_time, schema_version, null_counts, min_values, max_values, column_bytes)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
  }

  public DatasetSpec spec() {
    return spec;
  }

  /** Partition key of a row as {@code shard:bucket}. */
  public static String partitionKey(DatasetSpec spec, Row row) {
    long time = row.getInt64(spec.timeColumn());
    return spec.shardOf(row.getString(spec.idColumn())) + ":" + spec.bucketOf(time);
  }

  /** Writes any rows: groups them by partition, then {@link #writePartition}. Returns chunks written. */
  public int write(Iterable<Row> rows) {
    Map<String, List<Row>> partitions = new TreeMap<>();
    for (Row row : rows) {
      partitions.computeIfAbsent(partitionKey(spec, row), k -> new ArrayList<>()).add(row);
    }
    int chunks = 0;
    for (Map.Entry<String, List<Row>> e : partitions.entrySet()) {
      String[] key = e.getKey().split(":");
      chunks += writePartition(Integer.parseInt(key[0]), Long.parseLong(key[1]), e.getValue());
    }
    return chunks;
  }

  /** Writes rows that all belong to partition (shard, bucket). Returns the number of chunks. */
  public int writePartition(int shard, long bucket, List<Row> rows) {
    List<List<Row>> chunks = chunk(rows);
    session.execute(insertPartition.bind(spec.dataset(), bucket, shard));
    for (List<Row> chunk : chunks) {
      writeChunk(shard, bucket, chunk, true);
    }
    return chunks.size();
  }

  /**
   * Sorts by (time, id), keeps one row per event (a redelivered event can reach one write twice:
   * readers only drop repeats across chunks whose time ranges overlap, so a chunk must not hold
   * one) and cuts into chunks.
   */
  List<List<Row>> chunk(List<Row> rows) {
    List<Row> all = new ArrayList<>(rows);
    all.sort(Comparator.<Row>comparingLong(r -> r.getInt64(spec.timeColumn()))
        .thenComparing(r -> r.getString(spec.idColumn())));
    List<Row> sorted = new ArrayList<>(all.size());
    for (Row row : all) {
      Row last = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
      // getInt64 boxes: compare values, not references (a != on two Longs missed every repeat)
      if (last == null || last.getInt64(spec.timeColumn()).longValue() != row.getInt64(spec.timeColumn()).longValue()
          || !last.getString(spec.idColumn()).equals(row.getString(spec.idColumn()))) {
        sorted.add(row);
      }
    }
    List<List<Row>> chunks = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i += chunkRows) {
      chunks.add(sorted.subList(i, Math.min(sorted.size(), i + chunkRows)));
    }
    return chunks;
  }

  /**
   * Writes the column blobs of one sorted chunk, waits for all of them, then (if {@code commit})
   * the index row. {@code commit = false} leaves the chunk as a crash would: invisible.
   */
  String writeChunk(int shard, long bucket, List<Row> chunk, boolean commit) {
    ArchiveSchema schema = spec.schema();
    long minTime = chunk.get(0).getInt64(spec.timeColumn());
    long maxTime = chunk.get(chunk.size() - 1).getInt64(spec.timeColumn());
    String chunkId = chunkId(minTime, chunk);
    Map<String, Integer> nullCounts = new LinkedHashMap<>();
    Map<String, ByteBuffer> mins = new HashMap<>();
    Map<String, ByteBuffer> maxs = new HashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    List<ResultSetFuture> pending = new ArrayList<>();
    for (ArchiveSchema.Column column : schema.columns()) {
      Object[] values = new Object[chunk.size()];
      int nulls = 0;
      Object min = null;
      Object max = null;
      for (int i = 0; i < values.length; i++) {
        Object v = chunk.get(i).getValue(column.name());
        values[i] = v;
        if (v == null) {
          if (!column.nullable()) {
            throw new IllegalArgumentException("null in non-null column " + column.name());
          }
          nulls++;
        } else {
          min = min == null || Stats.compare(v, min) < 0 ? v : min;
          max = max == null || Stats.compare(v, max) > 0 ? v : max;
        }
      }
      byte[] blob = ColumnCodec.encode(column.type(), values);
      nullCounts.put(column.name(), nulls);
      if (min != null) {
        mins.put(column.name(), Stats.toBytes(column.type(), min));
        maxs.put(column.name(), Stats.toBytes(column.type(), max));
      }
      bytes.put(column.name(), (long) blob.length);
      BoundStatement insert = insertChunk.bind(spec.dataset(), shard, bucket, column.name(), chunkId, ByteBuffer.wrap(blob));
      pending.add(session.executeAsync(insert));
    }
    for (ResultSetFuture f : pending) {
      f.getUninterruptibly();
    }
    if (commit) {
      session.execute(insertIndex.bind(spec.dataset(), shard, bucket, chunkId, chunk.size(), minTime, maxTime,
          spec.version(), nullCounts, mins, maxs, bytes));
    }
    return chunkId;
  }

  private String chunkId(long minTime, List<Row> chunk) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Integer.toString(spec.version()).getBytes(StandardCharsets.UTF_8));
      for (Row row : chunk) {
        sha.update((byte) '\n');
        sha.update(row.getString(spec.idColumn()).getBytes(StandardCharsets.UTF_8));
      }
      String hash = HexFormat.of().formatHex(sha.digest(), 0, 8);
      return String.format("%016x", minTime) + "-" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
