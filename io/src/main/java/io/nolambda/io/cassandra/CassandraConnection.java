package io.nolambda.io.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.policies.DCAwareRoundRobinPolicy;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * How to reach Cassandra: contact points, port, datacenter and credentials. Serializable so a
 * transform can carry it to workers; {@link #toString()} never shows the password.
 */
public record CassandraConnection(
    List<String> hosts, int port, String localDc, String username, String password)
    implements Serializable {

  public CassandraConnection {
    hosts = List.copyOf(hosts);
  }

  public static CassandraConnection fromOptions(CassandraOptions options) {
    return new CassandraConnection(
        Arrays.stream(options.getCassandraHosts().split(",")).map(String::trim).toList(),
        options.getCassandraPort(),
        options.getCassandraLocalDc(),
        options.getCassandraUsername(),
        options.getCassandraPassword());
  }

  /** A driver cluster for direct (non-Beam) access: DDL, reads in tests and the CLI. */
  public Cluster cluster() {
    Cluster.Builder builder =
        Cluster.builder()
            .addContactPoints(hosts.toArray(String[]::new))
            .withPort(port)
            .withLoadBalancingPolicy(DCAwareRoundRobinPolicy.builder().withLocalDc(localDc).build())
            .withoutJMXReporting();
    if (username != null) {
      builder.withCredentials(username, password);
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "CassandraConnection{hosts=" + hosts + ", port=" + port + ", localDc=" + localDc
        + ", username=" + username + ", password=" + (password == null ? "none" : "****") + "}";
  }
}
