package io.nolambda.io.importers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Where the real data is, and small helpers for synthetic files. */
final class TestData {
  private TestData() {}

  /**
   * {@code <nolambda.home>/../shared/data} (surefire sets {@code nolambda.home} to the checkout),
   * else the directory in {@code NOLAMBDA_DATA}.
   */
  static Path dir() {
    String home = System.getProperty("nolambda.home");
    if (home != null && !home.isBlank()) {
      Path dir = Path.of(home).resolve("../shared/data").normalize();
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    String env = System.getenv("NOLAMBDA_DATA");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Path.of(env);
    }
    throw new IllegalStateException(
        "real data not found: run with -Dnolambda.home=<checkout> (surefire sets it) or set"
            + " NOLAMBDA_DATA to the shared/data directory");
  }

  static Path file(String relative) {
    return dir().resolve(relative);
  }

  static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  static Path writeGzip(Path file, String content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
