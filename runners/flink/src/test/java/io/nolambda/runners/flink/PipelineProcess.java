package io.nolambda.runners.flink;

import io.nolambda.pipelines.RunPipeline;
import io.nolambda.testing.services.ChildJvm;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pipeline run ({@link RunPipeline}) in a JVM of its own, so that a test can kill it with kill -9
 * (SIGKILL: no shutdown hook, no final checkpoint, no offset commit). A {@link ChildJvm}, so it also
 * dies with the test JVM. Output goes to {@code log}.
 */
final class PipelineProcess implements AutoCloseable {
  private final Process process;

  private PipelineProcess(Process process) {
    this.process = process;
  }

  static PipelineProcess start(List<String> args, Path log) {
    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).forEach(jvmArgs::add);
    // surefire puts the test classpath in a manifest-only jar; it names the real one here
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new PipelineProcess(ChildJvm.start(jvmArgs, classpath, RunPipeline.class.getName(), args, log));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as kill -9 does, and waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("pipeline process " + process.pid() + " survived SIGKILL for 30 s");
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
