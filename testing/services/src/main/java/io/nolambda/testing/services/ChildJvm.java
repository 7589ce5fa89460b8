package io.nolambda.testing.services;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class in a child JVM that cannot outlive this one: it runs under the {@link ParentWatchdog},
 * so it exits when this JVM dies, even by kill -9. The caller must hold the returned process while
 * the child should live (its stdin pipe is the watchdog's lifeline). Output is appended to
 * {@code log}; the JVM's argument file and the watchdog class go to a directory beside it.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(List<String> jvmArgs, String classpath, String mainClass, List<String> args, Path log) {
    Path dir = log.toAbsolutePath().resolveSibling(log.getFileName() + ".jvm");
    String watched = classpath + File.pathSeparator + StateDir.io(() -> ParentWatchdog.install(dir.resolve("bin")));
    List<String> main = new ArrayList<>(List.of(ParentWatchdog.class.getName(), mainClass));
    main.addAll(args);
    List<String> command = ServerProcess.command(dir.resolve("jvm.args"), jvmArgs, watched, main);
    return StateDir.io(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
        .redirectInput(Redirect.PIPE)::start);
  }
}
