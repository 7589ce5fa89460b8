package io.nolambda.testing.services;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SocketOptions;
import java.net.InetSocketAddress;

/**
 * A short-lived login to the local Cassandra through the DataStax driver (the generation Beam's
 * CassandraIO uses), for readiness checks and the one-time role setup. No metrics, no JMX: it lives
 * for a statement or two.
 */
final class CqlSession implements AutoCloseable {
  private final Cluster cluster;
  private final Session session;

  private CqlSession(Cluster cluster, Session session) {
    this.cluster = cluster;
    this.session = session;
  }

  /**
   * @throws com.datastax.driver.core.exceptions.AuthenticationException when the credentials are
   *     rejected
   * @throws com.datastax.driver.core.exceptions.DriverException when the server does not answer yet
   */
  static CqlSession login(InetSocketAddress address, CassandraCredentials credentials) {
    Cluster cluster = Cluster.builder()
        .addContactPointsWithPorts(address)
        .withCredentials(credentials.username(), credentials.password())
        .withSocketOptions(new SocketOptions().setConnectTimeoutMillis(2_000))
        .withoutMetrics()
        .withoutJMXReporting()
        .build();
    try {
      return new CqlSession(cluster, cluster.connect());
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  void execute(String cql) {
    session.execute(cql);
  }

  @Override
  public void close() {
    cluster.close();
  }
}
