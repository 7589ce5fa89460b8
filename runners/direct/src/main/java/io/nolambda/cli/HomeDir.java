package io.nolambda.cli;

import java.nio.file.Path;

/** The checkout the CLI runs from: bin/nolambda passes it as {@code -Dnolambda.home}. */
final class HomeDir {
  private HomeDir() {}

  static Path get() {
    return Path.of(System.getProperty("nolambda.home", ".")).toAbsolutePath().normalize();
  }
}
