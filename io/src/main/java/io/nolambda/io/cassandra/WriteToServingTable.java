package io.nolambda.io.cassandra;

import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Upserts rows into a serving table with Beam's CassandraIO. The entity class carries the
 * driver's mapping annotations; its primary key is (entity, window), so replays overwrite.
 */
public final class WriteToServingTable<T> extends PTransform<PCollection<T>, PDone> {
  private final Class<T> entity;
  private final CassandraConnection connection;
  private final String keyspace;

  private WriteToServingTable(Class<T> entity, CassandraConnection connection, String keyspace) {
    this.entity = entity;
    this.connection = connection;
    this.keyspace = keyspace;
  }

  public static <T> WriteToServingTable<T> of(Class<T> entity, CassandraOptions options) {
    return new WriteToServingTable<>(
        entity, CassandraConnection.fromOptions(options), options.getCassandraKeyspace());
  }

  @Override
  public PDone expand(PCollection<T> rows) {
    CassandraIO.Write<T> write =
        CassandraIO.<T>write()
            .withHosts(connection.hosts())
            .withPort(connection.port())
            .withLocalDc(connection.localDc())
            .withKeyspace(ServingTables.checkIdentifier(keyspace))
            .withEntity(entity)
            .withConsistencyLevel("LOCAL_QUORUM");
    if (connection.username() != null) {
      write = write.withUsername(connection.username()).withPassword(connection.password());
    }
    return rows.apply("Upsert " + entity.getSimpleName(), write);
  }
}
