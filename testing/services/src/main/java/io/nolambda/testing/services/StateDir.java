package io.nolambda.testing.services;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The layout of a state directory, shared by the JVM that starts the services and any JVM that asks
 * for their status or stops them.
 */
final class StateDir {
  private static final String ENDPOINTS = "endpoints.properties";
  private static final String CREDENTIALS = "cassandra-credentials.properties";
  private static final String ROLES_MARKER = ".nolambda-roles-initialized";

  final Path root;

  StateDir(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  static StateDir create(Path root) {
    StateDir dir = new StateDir(root);
    io(() -> Files.createDirectories(dir.root.resolve("logs")));
    return dir;
  }

  Path serviceDir(String service) {
    return io(() -> Files.createDirectories(root.resolve(service)));
  }

  Path dataDir(String service) {
    return root.resolve(service).resolve("data");
  }

  Path logFile(String name) {
    return root.resolve("logs").resolve(name + ".log");
  }

  Path binDir() {
    return root.resolve("bin");
  }

  Path credentialsFile() {
    return root.resolve(CREDENTIALS);
  }

  OptionalLong readPid(String service) {
    Path file = pidFile(service);
    if (!Files.isRegularFile(file)) {
      return OptionalLong.empty();
    }
    String text = io(() -> Files.readString(file)).trim();
    return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
  }

  void writePid(String service, long pid) {
    io(() -> Files.writeString(pidFile(service), pid + "\n"));
  }

  void deletePid(String service) {
    io(() -> Files.deleteIfExists(pidFile(service)));
  }

  /** Everything a client needs except the password, which stays in the owner-only credentials file. */
  void writeEndpoints(ServiceEndpoints endpoints) {
    Properties p = new Properties();
    p.setProperty("kafka.bootstrap", endpoints.kafkaBootstrap());
    p.setProperty("cassandra.host", endpoints.cassandraHost());
    p.setProperty("cassandra.port", Integer.toString(endpoints.cassandraPort()));
    p.setProperty("cassandra.localDatacenter", endpoints.localDatacenter());
    p.setProperty("cassandra.username", endpoints.credentials().username());
    store(p, root.resolve(ENDPOINTS));
  }

  Optional<Properties> readEndpoints() {
    return load(root.resolve(ENDPOINTS));
  }

  Optional<CassandraCredentials> readCredentials() {
    return load(credentialsFile())
        .map(p -> CassandraCredentials.of(p.getProperty("username"), p.getProperty("password")));
  }

  void writeCredentials(CassandraCredentials credentials) {
    Properties p = new Properties();
    p.setProperty("username", credentials.username());
    p.setProperty("password", credentials.password());
    store(p, credentialsFile());
  }

  /** The marker lives in Cassandra's data dir, so deleting the data also forgets the role setup. */
  boolean rolesInitialized() {
    return Files.exists(dataDir(CassandraServer.NAME).resolve(ROLES_MARKER));
  }

  void markRolesInitialized() {
    io(() -> Files.writeString(dataDir(CassandraServer.NAME).resolve(ROLES_MARKER), ""));
  }

  void deleteData(String service) {
    Path data = dataDir(service);
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> io(() -> Files.deleteIfExists(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Path pidFile(String service) {
    return root.resolve(service + ".pid");
  }

  private static Optional<Properties> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(p);
  }

  /** Writes an owner-only (600) temp file and moves it in place, so readers never see half a file. */
  private static void store(Properties p, Path file) {
    io(() -> {
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, null);
      }
      return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    });
  }

  interface IoAction<T> {
    T run() throws IOException;
  }

  static <T> T io(IoAction<T> action) {
    try {
      return action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
