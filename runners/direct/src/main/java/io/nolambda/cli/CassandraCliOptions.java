package io.nolambda.cli;

import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.CassandraCredentials;
import io.nolambda.testing.services.LocalServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the CLI finds Cassandra. Credentials, first found wins: {@code --cassandra-username} with
 * {@code --cassandra-password-file} (a password never goes on a command line, where {@code ps}
 * shows it), NOLAMBDA_CASSANDRA_USERNAME/PASSWORD, the local services of {@code services start}.
 */
final class CassandraCliOptions {
  /** Null when not given: most commands then use 127.0.0.1, {@code bench} starts throwaway local services. */
  @Option(names = "--cassandra-hosts", description = "comma-separated; default 127.0.0.1 (bench: start throwaway local services)")
  String hosts;

  boolean hostsGiven() {
    return hosts != null;
  }

  @Option(names = "--cassandra-port", defaultValue = "9042", description = "default ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--cassandra-local-dc", defaultValue = "datacenter1", description = "default ${DEFAULT-VALUE}")
  String localDc;

  @Option(names = "--keyspace", defaultValue = "nolambda", description = "default ${DEFAULT-VALUE}")
  String keyspace;

  @Option(names = "--cassandra-username", description = "with --cassandra-password-file")
  String username;

  @Option(names = "--cassandra-password-file", description = "a file holding the password")
  Path passwordFile;

  CassandraConnection connection() throws IOException {
    CassandraCredentials credentials = username != null && passwordFile != null
        ? CassandraCredentials.of(username, Files.readString(passwordFile).strip())
        : CassandraCredentials.fromEnvironment()
            .orElseGet(() -> LocalServices.readEndpoints(HomeDir.get().resolve(".services")).credentials());
    return new CassandraConnection(Arrays.stream((hosts == null ? "127.0.0.1" : hosts).split(",")).map(String::trim).toList(), port, localDc,
        credentials.username(), credentials.password());
  }
}
