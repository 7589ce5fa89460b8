package io.nolambda.testing.services;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Main class of a server JVM that must not outlive its parent: runs the server's main and exits when
 * stdin, a pipe from the parent, reaches end of file. That happens however the parent dies, even by
 * kill -9 or Runtime.halt, where the parent's shutdown hook never runs. Exiting runs the server's own
 * shutdown hooks, so it stops cleanly. Runs on the server's classpath, so it uses the JDK only.
 */
final class ParentWatchdog {
  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    Thread watchdog = new Thread(ParentWatchdog::exitWhenParentGone, "nolambda-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      Class.forName(args[0]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exitWhenParentGone() {
    try {
      while (System.in.read() != -1) {
        // the parent never writes; only end of file matters
      }
    } catch (IOException e) {
      // a broken pipe means the same: the parent is gone
    }
    System.exit(0);
  }

  /** Copies this class alone into {@code binDir}, to put on a server classpath without our dependencies. */
  static Path install(Path binDir) throws IOException {
    String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    Path target = binDir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return binDir;
  }
}
