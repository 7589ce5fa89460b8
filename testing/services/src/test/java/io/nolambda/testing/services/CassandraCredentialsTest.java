package io.nolambda.testing.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraCredentialsTest {

  @Test
  void comesFromBothVariablesOrNone() {
    assertThat(CassandraCredentials.from(Map.of())).isEmpty();
    assertThat(CassandraCredentials.from(Map.of(CassandraCredentials.USERNAME_ENV, "app", CassandraCredentials.PASSWORD_ENV, "s3cret")))
        .contains(CassandraCredentials.of("app", "s3cret"));
    assertThatThrownBy(() -> CassandraCredentials.from(Map.of(CassandraCredentials.USERNAME_ENV, "app")))
        .isInstanceOf(ServicesException.class).hasMessageContaining(CassandraCredentials.PASSWORD_ENV);
  }

  @Test
  void toStringMasksThePassword() {
    CassandraCredentials credentials = CassandraCredentials.of("app", "s3cret");
    assertThat(credentials.toString()).contains("app").doesNotContain("s3cret");
    assertThat(new ServiceEndpoints("k:1", "h", 2, "dc", credentials).toString()).doesNotContain("s3cret");
    assertThat(ServicesConfig.defaults(java.nio.file.Path.of("/x")).withCredentials(credentials).toString()).doesNotContain("s3cret");
  }

  @Test
  void generatedOnesDiffer() {
    SecureRandom random = new SecureRandom();
    CassandraCredentials a = CassandraCredentials.generate(random);
    CassandraCredentials b = CassandraCredentials.generate(random);
    assertThat(a.username()).startsWith("nolambda_").isNotEqualTo(b.username());
    assertThat(a.password()).hasSize(32).isNotEqualTo(b.password());
  }
}
