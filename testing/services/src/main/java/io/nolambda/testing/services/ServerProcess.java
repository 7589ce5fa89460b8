package io.nolambda.testing.services;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server JVM run as a child process, its output going to a log file in the state dir. */
final class ServerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(200);

  /** Children that must die with this JVM. Holding the Process also keeps the watchdog's stdin pipe open. */
  private static final Set<Process> ATTACHED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> terminate(ATTACHED.stream().map(Process::toHandle).toList()), "nolambda-services-reaper"));
  }

  final String name;
  final Path log;
  private final Process process;

  private ServerProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code mainClass} in a new JVM and writes its PID file. Unless detached, the child is
   * stopped by this JVM's shutdown hook and, should that never run, by its {@link ParentWatchdog}.
   */
  static ServerProcess launch(String name, StateDir state, List<String> jvmArgs, String classpath,
      String mainClass, List<String> args, boolean detached) {
    List<String> main = new ArrayList<>();
    if (!detached) {
      classpath += File.pathSeparator + StateDir.io(() -> ParentWatchdog.install(state.binDir()));
      main.add(ParentWatchdog.class.getName());
    }
    main.add(mainClass);
    main.addAll(args);
    List<String> command = command(state.serviceDir(name).resolve("jvm.args"), jvmArgs, classpath, main);
    Path log = state.logFile(name);
    ProcessBuilder builder = builder(command, state.serviceDir(name), log)
        .redirectInput(detached ? Redirect.from(new File("/dev/null")) : Redirect.PIPE);
    Process process = StateDir.io(builder::start);
    if (!detached) {
      ATTACHED.add(process);
    }
    state.writePid(name, process.pid());
    LOG.info("Started {} (pid {}), log {}", name, process.pid(), log);
    return new ServerProcess(name, log, process);
  }

  /** Runs a short-lived tool JVM to completion, its output appended to {@code log}. */
  static void run(String what, Path workDir, Path log, List<String> jvmArgs, String classpath, String mainClass,
      List<String> args, Duration timeout) {
    List<String> main = new ArrayList<>(List.of(mainClass));
    main.addAll(args);
    List<String> command = command(workDir.resolve(mainClass + ".args"), jvmArgs, classpath, main);
    Process process = StateDir.io(builder(command, workDir, log).redirectInput(Redirect.from(new File("/dev/null")))::start);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        terminate(List.of(process.toHandle()));
        throw new ServicesException(what + " did not finish within " + timeout.toSeconds() + " s; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminate(List.of(process.toHandle()));
      throw new ServicesException(what + " was interrupted");
    }
    if (process.exitValue() != 0) {
      throw new ServicesException(what + " failed with exit code " + process.exitValue() + "; see " + log);
    }
  }

  /**
   * {@code java @argFile main...}: JVM options and classpath go to an argument file, because Linux
   * shows only the first 4 KiB of /proc/<pid>/cmdline, and {@link #find} must see the main class and
   * the state dir (the argument file's path) there.
   */
  static List<String> command(Path argFile, List<String> jvmArgs, String classpath, List<String> main) {
    StateDir.io(() -> Files.createDirectories(argFile.getParent()));
    List<String> options = new ArrayList<>(jvmArgs);
    options.addAll(List.of("-cp", classpath));
    StateDir.io(() -> Files.write(argFile, options.stream()
        .map(o -> '"' + o.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
        .toList()));
    List<String> command = new ArrayList<>(List.of(java(), "@" + argFile));
    command.addAll(main);
    return command;
  }

  private static ProcessBuilder builder(List<String> command, Path workDir, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(log.toFile()));
    // Servers have no use for the application password; keep it out of their /proc/<pid>/environ.
    builder.environment().remove(CassandraCredentials.USERNAME_ENV);
    builder.environment().remove(CassandraCredentials.PASSWORD_ENV);
    return builder;
  }

  long pid() {
    return process.pid();
  }

  /** Polls {@code ready} until it holds; fails fast if the process dies, else at the deadline. */
  void awaitReady(Instant deadline, String what, BooleanSupplier ready) {
    while (true) {
      if (!process.isAlive()) {
        throw new ServicesException(name + " exited with code " + process.exitValue() + " before " + what
            + "; see " + log);
      }
      if (ready.getAsBoolean()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ServicesException(name + " was not ready (" + what + ") within the start timeout; see " + log);
      }
      sleep(POLL);
    }
  }

  /** Stops these processes together; see {@link #terminate}. */
  static void stopAll(Collection<ServerProcess> servers) {
    terminate(servers.stream().map(s -> s.process.toHandle()).toList());
    servers.forEach(s -> ATTACHED.remove(s.process));
  }

  /**
   * The live server {@code name} of this state dir, found by its PID file. The command line must name
   * the main class and the state dir, so a reused PID is never taken for ours.
   */
  static Optional<ProcessHandle> find(StateDir state, String name, String mainClass) {
    OptionalLong pid = state.readPid(name);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    String stateDirPrefix = state.root + File.separator;
    return ProcessHandle.of(pid.getAsLong())
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine()
            .filter(cmd -> cmd.contains(mainClass) && cmd.contains(stateDirPrefix))
            .isPresent());
  }

  /**
   * SIGTERM to every process, up to {@link #GRACE} for them to exit, then SIGKILL to what is left,
   * descendants included (collected first: once a parent dies its children are no longer its descendants).
   */
  static void terminate(Collection<ProcessHandle> processes) {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle p : processes) {
      p.descendants().forEach(all::add);
      all.add(p);
    }
    processes.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(GRACE);
    for (ProcessHandle p : processes) {
      awaitExit(p, Duration.between(Instant.now(), deadline));
    }
    for (ProcessHandle p : all) {
      if (p.isAlive()) {
        LOG.warn("pid {} did not stop within {} s of SIGTERM; killing it", p.pid(), GRACE.toSeconds());
        p.destroyForcibly();
        awaitExit(p, Duration.ofSeconds(5));
      }
    }
  }

  private static void awaitExit(ProcessHandle p, Duration timeout) {
    try {
      p.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // still alive after the timeout: the caller decides what follows
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServicesException("Interrupted while waiting for the local services");
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
