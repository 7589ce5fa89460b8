package io.nolambda.testing.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithLocalServices
class LocalServicesExtensionTest {
  private static ServiceEndpoints injectedBeforeAll;

  @BeforeAll
  static void capture(ServiceEndpoints endpoints) {
    injectedBeforeAll = endpoints;
  }

  @Test
  void injectsEndpointsOfRunningServices(ServiceEndpoints endpoints) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }
    try (Cluster cluster = Clients.cassandra(endpoints); Session session = cluster.connect()) {
      assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
    }
  }

  @Test
  void startsTheServicesOncePerTestJvm(ServiceEndpoints endpoints) {
    assertThat(endpoints).isSameAs(injectedBeforeAll);
  }
}
