package io.nolambda.io.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.exceptions.AuthenticationException;
import java.util.List;
import java.util.regex.Pattern;

/** Creates the keyspace and the serving tables the pipelines write to (idempotent DDL). */
public final class ServingTables {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private ServingTables() {}

  /**
   * Creates the keyspace with SimpleStrategy at the given replication factor, then each table
   * statement ({@code CREATE TABLE IF NOT EXISTS ...}, unqualified: it runs in the keyspace).
   */
  public static void create(
      CassandraConnection connection, String keyspace, int replicationFactor, List<String> tables) {
    checkIdentifier(keyspace);
    try (Cluster cluster = connection.cluster(); Session session = connect(cluster, connection)) {
      session.execute(
          "CREATE KEYSPACE IF NOT EXISTS " + keyspace
              + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
              + replicationFactor + "}");
      session.execute("USE " + keyspace);
      tables.forEach(session::execute);
    }
  }

  private static Session connect(Cluster cluster, CassandraConnection connection) {
    try {
      return cluster.connect();
    } catch (AuthenticationException e) {
      throw new IllegalArgumentException("Cassandra at " + connection.hosts() + ":" + connection.port()
          + " refused the login" + (connection.username() == null ? " (no user given)" : " of " + connection.username())
          + ": set --cassandraUsername and --cassandraPassword, or NOLAMBDA_CASSANDRA_USERNAME and"
          + " NOLAMBDA_CASSANDRA_PASSWORD", e);
    }
  }

  /** Keyspace and table names are spliced into CQL, so only plain identifiers are accepted. */
  public static String checkIdentifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid Cassandra identifier: use lower-case letters, digits and _ (max 48)");
    }
    return name;
  }
}
