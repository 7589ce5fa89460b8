package io.nolambda.io.cassandra;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the Cassandra serving tables live. Credentials default to the environment. */
public interface CassandraOptions extends PipelineOptions {
  @Description("Comma-separated Cassandra contact points")
  @Default.String("127.0.0.1")
  String getCassandraHosts();

  void setCassandraHosts(String value);

  @Description("Cassandra native transport (CQL) port")
  @Default.Integer(9042)
  int getCassandraPort();

  void setCassandraPort(int value);

  @Description("Keyspace of the serving tables")
  @Default.String("nolambda")
  String getCassandraKeyspace();

  void setCassandraKeyspace(String value);

  @Description("Local datacenter of the contact points")
  @Default.String("datacenter1")
  String getCassandraLocalDc();

  void setCassandraLocalDc(String value);

  @Description("Cassandra user; defaults to $NOLAMBDA_CASSANDRA_USERNAME")
  @Default.InstanceFactory(UsernameFromEnv.class)
  String getCassandraUsername();

  void setCassandraUsername(String value);

  /** Never serialized with the options (so never printed with them); defaults to the env. */
  @JsonIgnore
  @Description("Cassandra password; defaults to $NOLAMBDA_CASSANDRA_PASSWORD")
  @Default.InstanceFactory(PasswordFromEnv.class)
  String getCassandraPassword();

  void setCassandraPassword(String value);

  @Description("Replication factor used when the keyspace is created")
  @Default.Integer(1)
  int getCassandraReplicationFactor();

  void setCassandraReplicationFactor(int value);

  /** Reads the user from the environment. */
  class UsernameFromEnv implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      return System.getenv("NOLAMBDA_CASSANDRA_USERNAME");
    }
  }

  /** Reads the password from the environment. */
  class PasswordFromEnv implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      return System.getenv("NOLAMBDA_CASSANDRA_PASSWORD");
    }
  }
}
