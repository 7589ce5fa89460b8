package io.nolambda.testing.services;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime classpath of a server, written by its pom-packaging module (testing/kafka-server,
 * testing/cassandra-server) at generate-resources. Servers never share a classpath with us or with tests.
 */
final class ServerClasspath {
  private static final Logger LOG = LoggerFactory.getLogger(ServerClasspath.class);

  private ServerClasspath() {}

  /** Reads {@code testing/<server>-server/target/classpath.txt}, running Maven first if it is missing or stale. */
  static String of(Path home, String server, StateDir state) {
    Path pom = home.resolve("testing").resolve(server + "-server").resolve("pom.xml");
    Path file = pom.resolveSibling("target").resolve("classpath.txt");
    if (!usable(file)) {
      generate(pom, state.logFile("classpath-" + server));
    }
    if (!usable(file)) {
      throw new ServicesException("No usable " + file + " after generating it");
    }
    return StateDir.io(() -> Files.readString(file)).trim();
  }

  /** Present, and every jar in it still exists (a cleaned local repository makes it stale). */
  private static boolean usable(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String classpath = StateDir.io(() -> Files.readString(file)).trim();
    return !classpath.isEmpty()
        && Arrays.stream(classpath.split(File.pathSeparator)).allMatch(jar -> Files.exists(Path.of(jar)));
  }

  private static void generate(Path pom, Path log) {
    String[] command = {"mvn", "-q", "-B", "-f", pom.toString(), "generate-resources"};
    LOG.info("Generating a server classpath: {} (output in {})", String.join(" ", command), log);
    try {
      Process mvn = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(log.toFile()))
          .redirectInput(Redirect.from(new File("/dev/null")))
          .start();
      if (!mvn.waitFor(10, TimeUnit.MINUTES)) {
        mvn.destroyForcibly();
        throw new ServicesException("Maven did not generate " + pom.getParent() + "'s classpath within 10 minutes");
      }
      if (mvn.exitValue() != 0) {
        throw new ServicesException("Maven failed to generate " + pom.getParent() + "'s classpath; see " + log);
      }
    } catch (IOException e) {
      throw new ServicesException("Cannot run mvn (is it on the PATH?) to generate " + pom.getParent() + "'s classpath", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServicesException("Interrupted while generating a server classpath");
    }
  }
}
