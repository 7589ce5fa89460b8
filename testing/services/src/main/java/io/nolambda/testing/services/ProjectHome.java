package io.nolambda.testing.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the project root, which holds the server classpath modules. */
final class ProjectHome {
  static final String PROPERTY = "nolambda.home";
  static final String ENV = "NOLAMBDA_HOME";

  private ProjectHome() {}

  /**
   * {@code nolambda.home}, else NOLAMBDA_HOME, else the working directory; from there walks up to the
   * directory holding testing/kafka-server, so a build started inside a module still finds the root.
   */
  static Path resolve() {
    String start = Stream.of(System.getProperty(PROPERTY), System.getenv(ENV), System.getProperty("user.dir"))
        .filter(s -> s != null && !s.isBlank())
        .findFirst()
        .orElseThrow();
    for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("testing/kafka-server/pom.xml"))) {
        return dir;
      }
    }
    throw new ServicesException("No NoLambda project root at or above " + start
        + "; set -D" + PROPERTY + " or " + ENV + " to the checkout");
  }
}
