package io.nolambda.io.archive;

import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SimpleStatement;
import io.nolambda.io.cassandra.ServingTables;
import java.util.List;
import java.util.Optional;

/**
 * The archive's tables (one set per keyspace, every dataset keyed by name) and the dataset
 * registry. All DDL is {@code IF NOT EXISTS}; keyspace and dataset names are validated
 * identifiers before they are spliced into CQL.
 *
 * <pre>
 * archive_datasets    ((dataset), version DESC)      columns, time_column, id_column, shards, bucket_millis
 * archive_partitions  ((dataset), bucket, shard)     which (shard, bucket) partitions exist: time-range listing
 * archive_chunk_index ((dataset, shard, bucket), chunk_id)
 *                     row_count, min_time, max_time, schema_version,
 *                     null_counts, min_values, max_values, column_bytes (frozen maps by column)
 *                     -- the commit marker of a chunk: written after all its column blobs
 * archive_chunks      ((dataset, shard, bucket), column_name, chunk_id)   data blob
 *                     -- one column of a time range is one contiguous clustering slice
 * </pre>
 */
public final class ArchiveTables {
  public static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS archive_datasets (dataset text, version int, columns text,"
          + " time_column text, id_column text, shards int, bucket_millis bigint,"
          + " PRIMARY KEY ((dataset), version)) WITH CLUSTERING ORDER BY (version DESC)",
      "CREATE TABLE IF NOT EXISTS archive_partitions (dataset text, bucket bigint, shard int,"
          + " PRIMARY KEY ((dataset), bucket, shard))",
      "CREATE TABLE IF NOT EXISTS archive_chunk_index (dataset text, shard int, bucket bigint,"
          + " chunk_id text, row_count int, min_time bigint, max_time bigint, schema_version int,"
          + " null_counts frozen<map<text, int>>, min_values frozen<map<text, blob>>,"
          + " max_values frozen<map<text, blob>>, column_bytes frozen<map<text, bigint>>,"
          + " PRIMARY KEY ((dataset, shard, bucket), chunk_id))",
      "CREATE TABLE IF NOT EXISTS archive_chunks (dataset text, shard int, bucket bigint,"
          + " column_name text, chunk_id text, data blob,"
          + " PRIMARY KEY ((dataset, shard, bucket), column_name, chunk_id))");

  private ArchiveTables() {}

  /** Creates the keyspace (SimpleStrategy) if missing and the archive tables in it. */
  public static void create(Session session, String keyspace, int replicationFactor) {
    ServingTables.checkIdentifier(keyspace);
    session.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}");
    for (String ddl : DDL) {
      session.execute(ddl.replace("IF NOT EXISTS ", "IF NOT EXISTS " + keyspace + "."));
    }
  }

  /** The latest version of a dataset, if it exists. */
  public static Optional<DatasetSpec> load(Session session, String keyspace, String dataset) {
    ResultSet rs = session.execute(new SimpleStatement(
        "SELECT version, columns, time_column, id_column, shards, bucket_millis FROM "
            + ServingTables.checkIdentifier(keyspace) + ".archive_datasets WHERE dataset = ? LIMIT 1",
        ServingTables.checkIdentifier(dataset)).setConsistencyLevel(ConsistencyLevel.SERIAL));
    Row row = rs.one();
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(new DatasetSpec(dataset, row.getInt("version"), ArchiveSchema.parse(row.getString("columns")),
        row.getString("time_column"), row.getString("id_column"), row.getInt("shards"), row.getLong("bucket_millis")));
  }

  private static final java.util.Map<java.util.List<Object>, DatasetSpec> REGISTERED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@link #register} once per JVM for the same connection, keyspace, dataset and arguments:
   * every DoFn instance of a write would otherwise repeat the DDL and the lightweight transaction.
   */
  static DatasetSpec registerOnce(io.nolambda.io.cassandra.CassandraConnection connection, Session session,
      String keyspace, int replicationFactor, String dataset, ArchiveSchema schema, String timeColumn,
      String idColumn, int shards, long bucketMillis) {
    java.util.List<Object> key = java.util.List.of(connection, keyspace, replicationFactor, dataset, schema, timeColumn,
        idColumn, shards, bucketMillis);
    synchronized (REGISTERED) {
      DatasetSpec known = REGISTERED.get(key);
      if (known != null) {
        return known;
      }
      DatasetSpec spec = register(session, keyspace, replicationFactor, dataset, schema, timeColumn, idColumn,
          shards, bucketMillis);
      REGISTERED.put(key, spec);
      return spec;
    }
  }

  /**
   * Creates the tables, then returns the dataset version matching {@code schema}: the latest
   * version when its columns are the same, else a new version after checking that the change
   * only adds nullable columns. Versions are claimed with a lightweight transaction, so
   * concurrent writers agree. Shards and bucket length of an existing dataset are kept.
   */
  public static DatasetSpec register(Session session, String keyspace, int replicationFactor, String dataset,
      ArchiveSchema schema, String timeColumn, String idColumn, int shards, long bucketMillis) {
    create(session, keyspace, replicationFactor);
    for (int attempt = 0; attempt < 10; attempt++) {
      Optional<DatasetSpec> latest = load(session, keyspace, dataset);
      DatasetSpec next;
      if (latest.isPresent()) {
        DatasetSpec old = latest.get();
        if (old.schema().equals(schema)) {
          return old;
        }
        if (!old.timeColumn().equals(timeColumn) || !old.idColumn().equals(idColumn)) {
          throw new IllegalArgumentException("dataset " + dataset + " uses time column " + old.timeColumn()
              + " and id column " + old.idColumn());
        }
        old.schema().checkEvolvesTo(schema);
        next = new DatasetSpec(dataset, old.version() + 1, schema, timeColumn, idColumn, old.shards(), old.bucketMillis());
      } else {
        next = new DatasetSpec(dataset, 1, schema, timeColumn, idColumn, shards, bucketMillis);
      }
      ResultSet applied = session.execute(new SimpleStatement(
          "INSERT INTO " + keyspace + ".archive_datasets (dataset, version, columns, time_column, id_column,"
              + " shards, bucket_millis) VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS",
          dataset, next.version(), schema.encode(), timeColumn, idColumn, next.shards(), next.bucketMillis()));
      if (applied.wasApplied()) {
        return next;
      }
    }
    throw new IllegalStateException("could not register a version of dataset " + dataset);
  }
}
