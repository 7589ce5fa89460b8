package io.nolambda.testing.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which services the extension uses; the environment is assumed to carry no NOLAMBDA_* settings. */
class LocalServicesExtensionSettingsTest {

  @AfterEach
  void clear() {
    System.clearProperty(LocalServicesExtension.KAFKA_BOOTSTRAP);
    System.clearProperty(LocalServicesExtension.CASSANDRA_CONTACT);
  }

  @Test
  void startsItsOwnWhenNothingIsSet() {
    assertThat(LocalServicesExtension.existing()).isEmpty();
  }

  @Test
  void wantsBothAddresses() {
    System.setProperty(LocalServicesExtension.KAFKA_BOOTSTRAP, "127.0.0.1:9092");
    assertThatThrownBy(LocalServicesExtension::existing).hasMessageContaining(LocalServicesExtension.CASSANDRA_CONTACT);
  }

  @Test
  void wantsCredentialsFromTheEnvironmentForExistingCassandra() {
    System.setProperty(LocalServicesExtension.KAFKA_BOOTSTRAP, "127.0.0.1:9092");
    System.setProperty(LocalServicesExtension.CASSANDRA_CONTACT, "127.0.0.1:9042");
    assertThatThrownBy(LocalServicesExtension::existing).hasMessageContaining(CassandraCredentials.PASSWORD_ENV);
  }
}
