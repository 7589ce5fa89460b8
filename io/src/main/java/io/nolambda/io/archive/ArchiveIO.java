package io.nolambda.io.archive;

import com.datastax.driver.core.Session;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.io.cassandra.CassandraOptions;
import io.nolambda.io.cassandra.ServingTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Beam transforms over the columnar event archive (DESIGN.md 7). See {@link ArchiveTables} for
 * the table layout, {@link ColumnCodec} for encodings, {@link ArchiveWriter} for the commit
 * protocol and replays, {@link ArchiveReader} for pushdown.
 *
 * <pre>{@code
 * rows.apply(ArchiveIO.write().withOptions(options).withDataset("bus_position"));
 * p.apply(ArchiveIO.read().withOptions(options)
 *     .withQuery(ArchiveQuery.all("bus_position").withColumns("event_id", "lat", "lon")
 *         .withTimeRange(from, to).withFilters(Filter.eq("route_id", "R1"))));
 * }</pre>
 */
public final class ArchiveIO {
  /** Counter of the chunks a read fetched and decoded (not skipped by their statistics). */
  public static final MetricName CHUNKS_READ = MetricName.named(ArchiveIO.class, "archiveChunksRead");

  private ArchiveIO() {}

  public static Write write() {
    return new Write(null, "nolambda", null, "event_time", "event_id", 4, 3_600_000L, 1, ArchiveWriter.CHUNK_ROWS);
  }

  public static Read read() {
    return new Read(null, "nolambda", null);
  }

  /**
   * Writes rows (schema with INT32, INT64, DOUBLE, STRING, BOOLEAN fields) to a dataset, creating
   * the tables and registering (or evolving) the dataset schema on the workers. Rows are grouped
   * by (shard, time bucket) with a GroupByKey, so in streaming pipelines window the input first
   * (for example fixed windows of the bucket length); a pane becomes a set of chunks. Outputs
   * the number of chunks written per partition and pane.
   */
  public static final class Write extends PTransform<PCollection<Row>, PCollection<Integer>> {
    private final CassandraConnection connection;
    private final String keyspace;
    private final String dataset;
    private final String timeColumn;
    private final String idColumn;
    private final int shards;
    private final long bucketMillis;
    private final int replicationFactor;
    private final int chunkRows;

    private Write(CassandraConnection connection, String keyspace, String dataset, String timeColumn, String idColumn,
        int shards, long bucketMillis, int replicationFactor, int chunkRows) {
      this.connection = connection;
      this.keyspace = keyspace;
      this.dataset = dataset;
      this.timeColumn = timeColumn;
      this.idColumn = idColumn;
      this.shards = shards;
      this.bucketMillis = bucketMillis;
      this.replicationFactor = replicationFactor;
      this.chunkRows = chunkRows;
    }

    public Write withOptions(CassandraOptions options) {
      return withConnection(CassandraConnection.fromOptions(options)).withKeyspace(options.getCassandraKeyspace())
          .withReplicationFactor(options.getCassandraReplicationFactor());
    }

    public Write withConnection(CassandraConnection value) {
      return new Write(value, keyspace, dataset, timeColumn, idColumn, shards, bucketMillis, replicationFactor, chunkRows);
    }

    public Write withKeyspace(String value) {
      return new Write(connection, ServingTables.checkIdentifier(value), dataset, timeColumn, idColumn, shards,
          bucketMillis, replicationFactor, chunkRows);
    }

    public Write withDataset(String value) {
      return new Write(connection, keyspace, ServingTables.checkIdentifier(value), timeColumn, idColumn, shards,
          bucketMillis, replicationFactor, chunkRows);
    }

    public Write withTimeColumn(String value) {
      return new Write(connection, keyspace, dataset, value, idColumn, shards, bucketMillis, replicationFactor, chunkRows);
    }

    public Write withIdColumn(String value) {
      return new Write(connection, keyspace, dataset, timeColumn, value, shards, bucketMillis, replicationFactor, chunkRows);
    }

    /** Shards per time bucket (only used when the dataset is created). */
    public Write withShards(int value) {
      return new Write(connection, keyspace, dataset, timeColumn, idColumn, value, bucketMillis, replicationFactor, chunkRows);
    }

    /** Time bucket length (only used when the dataset is created). */
    public Write withBucketMillis(long value) {
      return new Write(connection, keyspace, dataset, timeColumn, idColumn, shards, value, replicationFactor, chunkRows);
    }

    public Write withReplicationFactor(int value) {
      return new Write(connection, keyspace, dataset, timeColumn, idColumn, shards, bucketMillis, value, chunkRows);
    }

    /** Rows per chunk, default {@link ArchiveWriter#CHUNK_ROWS}. */
    public Write withChunkRows(int value) {
      return new Write(connection, keyspace, dataset, timeColumn, idColumn, shards, bucketMillis, replicationFactor, value);
    }

    /** The same write for flat Avro records (see {@link AvroRows}). */
    public <T extends IndexedRecord> PTransform<PCollection<T>, PCollection<Integer>> ofAvro(org.apache.avro.Schema avro) {
      Write write = this;
      String json = avro.toString();
      return new PTransform<>() {
        @Override
        public PCollection<Integer> expand(PCollection<T> records) {
          org.apache.beam.sdk.schemas.Schema schema = AvroRows.schema(avro).toBeam();
          return records.apply("To rows", ParDo.of(new ToRowFn<T>(json))).setRowSchema(schema).apply(write);
        }
      };
    }

    @Override
    public PCollection<Integer> expand(PCollection<Row> rows) {
      Objects.requireNonNull(connection, "withConnection or withOptions");
      Objects.requireNonNull(dataset, "withDataset");
      ArchiveSchema schema = ArchiveSchema.fromBeam(rows.getSchema());
      new DatasetSpec(dataset, 1, schema, timeColumn, idColumn, shards, bucketMillis); // validates early
      return rows
          .apply("Key by partition", ParDo.of(new KeyFn(this, schema)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(rows.getSchema())))
          .apply("Group by partition", GroupByKey.create())
          .apply("Write chunks", ParDo.of(new WriteFn(this, schema)));
    }

    private DatasetSpec register(Session session, ArchiveSchema schema) {
      return ArchiveTables.registerOnce(connection, session, keyspace, replicationFactor, dataset, schema, timeColumn, idColumn,
          shards, bucketMillis);
    }
  }

  private static final class ToRowFn<T extends IndexedRecord> extends DoFn<T, Row> {
    private final String avroJson;
    private transient org.apache.beam.sdk.schemas.Schema schema;

    ToRowFn(String avroJson) {
      this.avroJson = avroJson;
    }

    @Setup
    public void setup() {
      schema = AvroRows.schema(new org.apache.avro.Schema.Parser().parse(avroJson)).toBeam();
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<Row> out) {
      out.output(AvroRows.toRow(record, schema));
    }
  }

  /** Opens a session and registers the dataset version; shared by both write steps. */
  private abstract static class SessionFn<I, O> extends DoFn<I, O> {
    final Write write;
    final ArchiveSchema schema;
    transient Sessions.Lease lease;
    transient Session session;
    transient DatasetSpec spec;

    SessionFn(Write write, ArchiveSchema schema) {
      this.write = write;
      this.schema = schema;
    }

    @Setup
    public void setup() {
      lease = Sessions.acquire(write.connection);
      session = lease.session();
      spec = write.register(session, schema);
    }

    @Teardown
    public void teardown() {
      if (lease != null) {
        lease.close();
      }
    }
  }

  private static final class KeyFn extends SessionFn<Row, KV<String, Row>> {
    KeyFn(Write write, ArchiveSchema schema) {
      super(write, schema);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, Row>> out) {
      out.output(KV.of(ArchiveWriter.partitionKey(spec, row), row));
    }
  }

  private static final class WriteFn extends SessionFn<KV<String, Iterable<Row>>, Integer> {
    private transient ArchiveWriter writer;

    WriteFn(Write write, ArchiveSchema schema) {
      super(write, schema);
    }

    @Override
    @Setup
    public void setup() {
      super.setup();
      writer = new ArchiveWriter(session, write.keyspace, spec, write.chunkRows);
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> partition, OutputReceiver<Integer> out) {
      String[] key = partition.getKey().split(":");
      List<Row> rows = new ArrayList<>();
      partition.getValue().forEach(rows::add);
      out.output(writer.writePartition(Integer.parseInt(key[0]), Long.parseLong(key[1]), rows));
    }
  }

  /**
   * Reads a query as rows of its projected schema, timestamped with the event time. The dataset
   * schema is looked up when the pipeline is built; splits are partitions sized by bytes.
   */
  public static final class Read extends PTransform<PBegin, PCollection<Row>> {
    private final CassandraConnection connection;
    private final String keyspace;
    private final ArchiveQuery query;

    private Read(CassandraConnection connection, String keyspace, ArchiveQuery query) {
      this.connection = connection;
      this.keyspace = keyspace;
      this.query = query;
    }

    public Read withOptions(CassandraOptions options) {
      return withConnection(CassandraConnection.fromOptions(options)).withKeyspace(options.getCassandraKeyspace());
    }

    public Read withConnection(CassandraConnection value) {
      return new Read(value, keyspace, query);
    }

    public Read withKeyspace(String value) {
      return new Read(connection, ServingTables.checkIdentifier(value), query);
    }

    public Read withQuery(ArchiveQuery value) {
      return new Read(connection, keyspace, value);
    }

    @Override
    public PCollection<Row> expand(PBegin begin) {
      Objects.requireNonNull(connection, "withConnection or withOptions");
      Objects.requireNonNull(query, "withQuery");
      DatasetSpec spec;
      try (ArchiveReader reader = ArchiveReader.connect(connection, keyspace)) {
        spec = reader.dataset(query.dataset());
      }
      ArchiveSource source = new ArchiveSource(connection, keyspace, spec, query, null, 0);
      return begin.apply("Read " + query.dataset(), org.apache.beam.sdk.io.Read.from(source))
          .setRowSchema(ArchiveReader.outputSchema(spec, query).toBeam());
    }
  }
}
