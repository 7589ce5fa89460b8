package io.nolambda.testing.services;

import com.datastax.driver.core.exceptions.AuthenticationException;
import com.datastax.driver.core.exceptions.DriverException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** Logins and the one-time role setup of a fresh Cassandra. */
final class CassandraRoles {
  /** Cassandra's well-known bootstrap superuser; it works only until {@link #initialize} has run. */
  private static final CassandraCredentials BOOTSTRAP = CassandraCredentials.of("cassandra", "cassandra");
  /** How long a rejected login of an existing role is retried, in case auth is not fully up yet. */
  private static final Duration REJECTED_LOGIN_GRACE = Duration.ofSeconds(15);

  private CassandraRoles() {}

  /**
   * Waits for the bootstrap superuser (created a moment after the CQL port opens), creates the
   * application superuser with it, then, logged in as the application role, sets the bootstrap role's
   * password to a random value nobody keeps, so the well-known default no longer opens the database.
   */
  static void initialize(ServerProcess server, Instant deadline, InetSocketAddress address,
      CassandraCredentials app, SecureRandom random) {
    if (app.username().equals(BOOTSTRAP.username())) {
      throw new ServicesException("The application role must not be named '" + BOOTSTRAP.username() + "'");
    }
    try (CqlSession bootstrap = login(server, deadline, address, BOOTSTRAP, null, "")) {
      run(server, bootstrap, "CREATE ROLE IF NOT EXISTS " + name(app.username()) + " WITH PASSWORD = "
          + text(app.password()) + " AND SUPERUSER = true AND LOGIN = true", "creating role " + app.username());
    }
    try (CqlSession session = login(server, deadline, address, app, REJECTED_LOGIN_GRACE, "")) {
      run(server, session, "ALTER ROLE " + name(BOOTSTRAP.username()) + " WITH PASSWORD = "
          + text(CassandraCredentials.randomPassword(random)), "locking the bootstrap role");
    }
    // Cassandra's credentials cache (credentials_validity, 2 s) accepts the old password a while longer.
    server.awaitReady(deadline, "the bootstrap role refuses its default password", () -> {
      try {
        CqlSession.login(address, BOOTSTRAP).close();
        return false;
      } catch (AuthenticationException e) {
        return true;
      } catch (DriverException e) {
        return false;
      }
    });
  }

  /** Waits until an existing role logs in; if Cassandra keeps rejecting it, fails with {@code hint}. */
  static void awaitLogin(ServerProcess server, Instant deadline, InetSocketAddress address,
      CassandraCredentials credentials, String hint) {
    login(server, deadline, address, credentials, REJECTED_LOGIN_GRACE, hint).close();
  }

  /**
   * Waits until {@code credentials} log in and returns the session. A rejected login is retried for
   * {@code rejectedGrace} (null: until the deadline), then fails with {@code hint}.
   */
  private static CqlSession login(ServerProcess server, Instant deadline, InetSocketAddress address,
      CassandraCredentials credentials, Duration rejectedGrace, String hint) {
    CqlSession[] session = new CqlSession[1];
    Instant[] firstRejected = new Instant[1];
    server.awaitReady(deadline, "role '" + credentials.username() + "' can log in", () -> {
      try {
        session[0] = CqlSession.login(address, credentials);
        return true;
      } catch (AuthenticationException e) {
        if (rejectedGrace != null) {
          Instant now = Instant.now();
          firstRejected[0] = firstRejected[0] == null ? now : firstRejected[0];
          if (now.isAfter(firstRejected[0].plus(rejectedGrace))) {
            throw new ServicesException("Cassandra rejects the login of role '" + credentials.username() + "'" + hint);
          }
        }
        return false;
      } catch (DriverException e) {
        return false; // not listening yet, or closed the connection while starting
      }
    });
    return session[0];
  }

  /** The server's error text is left out: it may quote the statement, password included. */
  private static void run(ServerProcess server, CqlSession session, String cql, String what) {
    try {
      session.execute(cql);
    } catch (DriverException e) {
      throw new ServicesException(what + " failed: " + e.getClass().getSimpleName() + "; see " + server.log);
    }
  }

  private static String name(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String text(String literal) {
    return '\'' + literal.replace("'", "''") + '\'';
  }
}
