package io.nolambda.io.cassandra;

import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;

/** Upserts Beam Rows into a {@link ServingTable} with Beam's CassandraIO (creating it first). */
public final class WriteRowsToServingTable extends PTransform<PCollection<Row>, PDone> {
  private final ServingTable table;
  private final CassandraConnection connection;
  private final String keyspace;
  private final int replicationFactor;

  private WriteRowsToServingTable(ServingTable table, CassandraConnection connection, String keyspace,
      int replicationFactor) {
    this.table = table;
    this.connection = connection;
    this.keyspace = keyspace;
    this.replicationFactor = replicationFactor;
  }

  public static WriteRowsToServingTable of(ServingTable table, CassandraOptions options) {
    return new WriteRowsToServingTable(table, CassandraConnection.fromOptions(options),
        options.getCassandraKeyspace(), options.getCassandraReplicationFactor());
  }

  @Override
  public PDone expand(PCollection<Row> rows) {
    ServingTables.create(connection, keyspace, replicationFactor, java.util.List.of(table.ddl()));
    ServingTable target = table;
    CassandraIO.Write<Row> write = CassandraIO.<Row>write()
        .withHosts(connection.hosts())
        .withPort(connection.port())
        .withLocalDc(connection.localDc())
        .withKeyspace(keyspace)
        .withConsistencyLevel("LOCAL_QUORUM")
        .withEntity(Row.class) // required by validation; the mapper factory below does the mapping
        .withMapperFactoryFn(session -> new RowMapper(session, target));
    if (connection.username() != null) {
      write = write.withUsername(connection.username()).withPassword(connection.password());
    }
    return rows.apply("Upsert " + table.name(), write);
  }
}
