package io.nolambda.testing.services;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.policies.DCAwareRoundRobinPolicy;
import java.net.InetSocketAddress;

/** Builds a Cassandra client the way pipelines do (DataStax driver 3, as Beam's CassandraIO 2.62). */
final class Clients {
  private Clients() {}

  static Cluster cassandra(ServiceEndpoints endpoints, String username, String password) {
    return Cluster.builder()
        .addContactPointsWithPorts(new InetSocketAddress(endpoints.cassandraHost(), endpoints.cassandraPort()))
        .withLoadBalancingPolicy(DCAwareRoundRobinPolicy.builder().withLocalDc(endpoints.localDatacenter()).build())
        .withCredentials(username, password)
        .withoutJMXReporting()
        .build();
  }

  static Cluster cassandra(ServiceEndpoints endpoints) {
    return cassandra(endpoints, endpoints.credentials().username(), endpoints.credentials().password());
  }
}
