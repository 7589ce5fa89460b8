package io.nolambda.testing.services;

/**
 * Where clients find Kafka and Cassandra, and how they log in to Cassandra. The generated toString()
 * shows the credentials masked.
 */
public record ServiceEndpoints(
    String kafkaBootstrap,
    String cassandraHost,
    int cassandraPort,
    String localDatacenter,
    CassandraCredentials credentials) {

  /** The Cassandra contact point as {@code host:port}. */
  public String cassandraContact() {
    return cassandraHost + ":" + cassandraPort;
  }
}
