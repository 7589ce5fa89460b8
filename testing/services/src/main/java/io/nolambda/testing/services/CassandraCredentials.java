package io.nolambda.testing.services;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A Cassandra login. Comes from options or the environment, never from code; toString() masks the password. */
public final class CassandraCredentials {
  public static final String USERNAME_ENV = "NOLAMBDA_CASSANDRA_USERNAME";
  public static final String PASSWORD_ENV = "NOLAMBDA_CASSANDRA_PASSWORD";

  private final String username;
  private final String password;

  private CassandraCredentials(String username, String password) {
    this.username = username;
    this.password = password;
  }

  public static CassandraCredentials of(String username, String password) {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw new IllegalArgumentException("Cassandra username and password must both be non-empty");
    }
    return new CassandraCredentials(username, password);
  }

  /** Reads {@value #USERNAME_ENV} and {@value #PASSWORD_ENV}; empty if neither is set. */
  public static Optional<CassandraCredentials> fromEnvironment() {
    return from(System.getenv());
  }

  static Optional<CassandraCredentials> from(Map<String, String> env) {
    String username = env.get(USERNAME_ENV);
    String password = env.get(PASSWORD_ENV);
    if (username == null && password == null) {
      return Optional.empty();
    }
    if (username == null || password == null) {
      throw new ServicesException("Set both " + USERNAME_ENV + " and " + PASSWORD_ENV + ", or neither");
    }
    return Optional.of(of(username, password));
  }

  static CassandraCredentials generate(SecureRandom random) {
    byte[] suffix = new byte[4];
    random.nextBytes(suffix);
    return new CassandraCredentials("nolambda_" + HexFormat.of().formatHex(suffix), randomPassword(random));
  }

  static String randomPassword(SecureRandom random) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CassandraCredentials c && username.equals(c.username) && password.equals(c.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, password);
  }

  @Override
  public String toString() {
    return "CassandraCredentials[username=" + username + ", password=****]";
  }
}
