package io.nolambda.testing.services;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A single-node Cassandra 5.0 with password logins, run from testing/cassandra-server's classpath. */
final class CassandraServer {
  static final String NAME = "cassandra";
  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
  static final String DATACENTER = "datacenter1"; // what SimpleSnitch reports

  /** Cassandra's own jvm17-server.options block; without it startup dies on sun.nio.ch.DirectBuffer. */
  private static final List<String> JPMS_FLAGS = List.of(
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports=java.sql/java.sql=ALL-UNNAMED",
      "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED");

  /** The jar ships no logback.xml. A comma in the date pattern silently disables logging (seen in 5.0.9). */
  private static final String LOGBACK = """
      <configuration>
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%date{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="STDOUT"/></root>
      </configuration>
      """;

  private CassandraServer() {}

  static ServerProcess launch(ServicesConfig config, StateDir state, String classpath) {
    Path dir = state.serviceDir(NAME);
    Path yaml = dir.resolve("cassandra.yaml");
    Path logback = dir.resolve("logback.xml");
    StateDir.io(() -> Files.writeString(yaml, yaml(config)));
    StateDir.io(() -> Files.writeString(logback, LOGBACK));
    List<String> jvm = new ArrayList<>(List.of("-Xms" + config.cassandraHeapMb() + "m", "-Xmx" + config.cassandraHeapMb() + "m"));
    jvm.addAll(JPMS_FLAGS);
    jvm.addAll(List.of(
        "-Djava.net.preferIPv4Stack=true",
        "-Djdk.attach.allowAttachSelf=true",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dcassandra.config=" + yaml.toUri(),
        "-Dcassandra.storagedir=" + state.dataDir(NAME),
        "-Dcassandra.logdir=" + state.logFile(NAME).getParent(),
        "-Dlogback.configurationFile=" + logback.toUri(),
        "-Dcassandra-foreground=yes",
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.superuser_setup_delay_ms=0",
        "-Dcassandra.shutdown_announce_in_ms=0"));
    return ServerProcess.launch(NAME, state, jvm, classpath, MAIN_CLASS, List.of(), config.detached());
  }

  /** Ready when the application role logs in; on a fresh data dir the roles are set up first. */
  static void awaitReady(ServerProcess server, ServicesConfig config, StateDir state,
      CassandraCredentials app, Instant deadline) {
    InetSocketAddress address = new InetSocketAddress(Ports.HOST, config.cassandraPort());
    server.awaitReady(deadline, "the CQL port answers", () -> Ports.answers(Ports.HOST, config.cassandraPort()));
    if (!state.rolesInitialized()) {
      CassandraRoles.initialize(server, deadline, address, app, new SecureRandom());
      state.markRolesInitialized();
    }
    String hint = ". It was created at the first start of " + state.root + " with the credentials given then"
        + " (options, " + CassandraCredentials.USERNAME_ENV + "/" + CassandraCredentials.PASSWORD_ENV
        + " or " + state.credentialsFile().getFileName() + "); give the same ones";
    CassandraRoles.awaitLogin(server, deadline, address, app, hint);
  }

  private static String yaml(ServicesConfig config) {
    return """
        cluster_name: nolambda
        num_tokens: 1
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "%1$s:%2$d"
        listen_address: %1$s
        rpc_address: %1$s
        storage_port: %2$d
        native_transport_port: %3$d
        authenticator: PasswordAuthenticator
        authorizer: CassandraAuthorizer
        memtable_heap_space: 64MiB
        memtable_offheap_space: 64MiB
        concurrent_compactors: 1
        """.formatted(Ports.HOST, config.cassandraStoragePort(), config.cassandraPort());
  }
}
