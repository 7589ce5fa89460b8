package io.nolambda.testing.services;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka and Cassandra, run as child JVMs on 127.0.0.1. {@link #start} returns once
 * both are ready; {@link #close()} stops them. The static {@link #status} and {@link #stop} work from
 * any JVM, through the files in the state dir.
 */
public final class LocalServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServices.class);
  private static final Map<String, String> MAIN_CLASSES = Map.of(
      KafkaServer.NAME, KafkaServer.MAIN_CLASS,
      CassandraServer.NAME, CassandraServer.MAIN_CLASS);

  private final ServicesConfig config;
  private final StateDir state;
  private final ServiceEndpoints endpoints;
  private final List<ServerProcess> processes;
  private boolean closed;

  private LocalServices(ServicesConfig config, StateDir state, ServiceEndpoints endpoints, List<ServerProcess> processes) {
    this.config = config;
    this.state = state;
    this.endpoints = endpoints;
    this.processes = processes;
  }

  /** Starts Kafka and Cassandra in parallel and waits until both are ready; stops both if either fails. */
  public static LocalServices start(ServicesConfig config) {
    StateDir state = StateDir.create(config.stateDir());
    ServicesStatus before = status(config.stateDir());
    if (!before.stopped()) {
      throw new ServicesException("Services of " + state.root + " are running already (" + before + "); stop them first");
    }
    Ports.requireFree(config.kafkaPort(), config.kafkaControllerPort(), config.cassandraPort(), config.cassandraStoragePort());
    String kafkaClasspath = ServerClasspath.of(config.home(), KafkaServer.NAME, state);
    String cassandraClasspath = ServerClasspath.of(config.home(), CassandraServer.NAME, state);
    CassandraCredentials credentials = credentials(config, state);
    ServiceEndpoints endpoints = new ServiceEndpoints(Ports.HOST + ":" + config.kafkaPort(), Ports.HOST,
        config.cassandraPort(), CassandraServer.DATACENTER, credentials);
    state.writeEndpoints(endpoints);

    Instant begin = Instant.now();
    Instant deadline = begin.plus(config.startTimeout());
    List<ServerProcess> started = new CopyOnWriteArrayList<>();
    ExecutorService cassandraThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "nolambda-cassandra-start");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Duration> cassandra = cassandraThread.submit(() -> {
        ServerProcess server = CassandraServer.launch(config, state, cassandraClasspath);
        started.add(server);
        CassandraServer.awaitReady(server, config, state, credentials, deadline);
        return Duration.between(begin, Instant.now());
      });
      ServerProcess kafka = KafkaServer.launch(config, state, kafkaClasspath, config.startTimeout());
      started.add(kafka);
      KafkaServer.awaitReady(kafka, config, deadline);
      LOG.info("Kafka ready at {} in {} ms", endpoints.kafkaBootstrap(), Duration.between(begin, Instant.now()).toMillis());
      Duration cassandraTime = cassandra.get();
      LOG.info("Cassandra ready at {} in {} ms", endpoints.cassandraContact(), cassandraTime.toMillis());
      return new LocalServices(config, state, endpoints, List.copyOf(started));
    } catch (Exception e) {
      // Stopping unblocks the Cassandra thread; stopping again after it ends catches a launch racing the first stop.
      cassandraThread.shutdownNow();
      ServerProcess.stopAll(started);
      awaitQuietly(cassandraThread);
      ServerProcess.stopAll(started);
      throw failure(e);
    } finally {
      cassandraThread.shutdownNow();
    }
  }

  public ServiceEndpoints endpoints() {
    return endpoints;
  }

  /** Stops the services this instance started (SIGTERM, then SIGKILL after 20 s); idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ServerProcess.stopAll(processes);
    for (ServerProcess p : processes) {
      if (state.readPid(p.name).equals(OptionalLong.of(p.pid()))) {
        state.deletePid(p.name);
      }
    }
    if (config.deleteDataOnClose()) {
      MAIN_CLASSES.keySet().forEach(state::deleteData);
    }
    LOG.info("Stopped the local services of {}", state.root);
  }

  /** Which services of {@code stateDir} run: a live process of that state dir AND an answering port. */
  public static ServicesStatus status(Path stateDir) {
    StateDir state = new StateDir(stateDir);
    Properties endpoints = state.readEndpoints().orElseGet(Properties::new);
    String cassandra = endpoints.getProperty("cassandra.host") == null ? null
        : endpoints.getProperty("cassandra.host") + ":" + endpoints.getProperty("cassandra.port");
    return new ServicesStatus(
        service(state, KafkaServer.NAME, endpoints.getProperty("kafka.bootstrap")),
        service(state, CassandraServer.NAME, cassandra));
  }

  /** Stops the services of {@code stateDir}, whichever JVM started them. */
  public static void stop(Path stateDir) {
    StateDir state = new StateDir(stateDir);
    List<ProcessHandle> running = MAIN_CLASSES.entrySet().stream()
        .flatMap(e -> ServerProcess.find(state, e.getKey(), e.getValue()).stream())
        .toList();
    ServerProcess.terminate(running);
    MAIN_CLASSES.keySet().forEach(state::deletePid);
    LOG.info("Stopped {} local service process(es) of {}", running.size(), state.root);
  }

  /**
   * The endpoints of services started from {@code stateDir} by another JVM. Credentials come from the
   * environment, else from the state dir's credentials file.
   */
  public static ServiceEndpoints readEndpoints(Path stateDir) {
    StateDir state = new StateDir(stateDir);
    Properties p = state.readEndpoints()
        .orElseThrow(() -> new ServicesException("No endpoints in " + state.root + "; start the services first"));
    CassandraCredentials credentials = CassandraCredentials.fromEnvironment().or(state::readCredentials)
        .orElseThrow(() -> new ServicesException("No Cassandra credentials: set " + CassandraCredentials.USERNAME_ENV
            + " and " + CassandraCredentials.PASSWORD_ENV));
    return new ServiceEndpoints(p.getProperty("kafka.bootstrap"), p.getProperty("cassandra.host"),
        Integer.parseInt(p.getProperty("cassandra.port")), p.getProperty("cassandra.localDatacenter"), credentials);
  }

  @Override
  public String toString() {
    return "LocalServices[" + state.root + ", " + endpoints + "]";
  }

  private static ServicesStatus.Service service(StateDir state, String name, String address) {
    Optional<ProcessHandle> process = ServerProcess.find(state, name, MAIN_CLASSES.get(name));
    if (process.isEmpty()) {
      return new ServicesStatus.Service(name, ServicesStatus.State.STOPPED, OptionalLong.empty(), address);
    }
    boolean answers = address != null && Ports.answers(
        address.substring(0, address.lastIndexOf(':')), Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
    return new ServicesStatus.Service(name, answers ? ServicesStatus.State.RUNNING : ServicesStatus.State.NOT_ANSWERING,
        OptionalLong.of(process.get().pid()), address);
  }

  /**
   * Explicit, else environment, else the state dir's file; generated (and saved, mode 600) only
   * while Cassandra's roles are not set up yet.
   */
  private static CassandraCredentials credentials(ServicesConfig config, StateDir state) {
    if (config.credentials() != null) {
      return config.credentials();
    }
    Optional<CassandraCredentials> known = CassandraCredentials.fromEnvironment().or(state::readCredentials);
    if (known.isPresent()) {
      return known.get();
    }
    if (state.rolesInitialized()) {
      throw new ServicesException("Cassandra in " + state.root + " has its application role already, but no"
          + " credentials were given: set " + CassandraCredentials.USERNAME_ENV + " and "
          + CassandraCredentials.PASSWORD_ENV);
    }
    CassandraCredentials generated = CassandraCredentials.generate(new SecureRandom());
    state.writeCredentials(generated);
    LOG.info("Generated the Cassandra role '{}'; its password is in {}", generated.username(), state.credentialsFile());
    return generated;
  }

  private static RuntimeException failure(Exception e) {
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return cause instanceof RuntimeException r ? r : new ServicesException("Starting the local services failed", cause);
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
