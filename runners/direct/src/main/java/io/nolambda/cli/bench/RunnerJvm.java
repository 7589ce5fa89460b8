package io.nolambda.cli.bench;

import io.nolambda.pipelines.RunPipeline;
import io.nolambda.testing.services.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A runner's pipeline JVM: {@link RunPipeline} on the runner module's classpath (Direct: this CLI's
 * own), with the flags Java 17 needs for Spark and Flink, and the runner's local master options.
 */
public enum RunnerJvm {
  /** Without the per-element immutability and encodability checks, which are test aids. */
  DIRECT(List.of("--runner=DirectRunner", "--targetParallelism=2", "--enforceImmutability=false",
      "--enforceEncodability=false")),
  SPARK(List.of("--runner=SparkRunner", "--sparkMaster=local[2]")),
  FLINK(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));

  /** The pipeline JVM's default maximum heap (-Xmx). */
  public static final String DEFAULT_HEAP = "4g";

  private final List<String> runnerArgs;

  RunnerJvm(List<String> runnerArgs) {
    this.runnerArgs = runnerArgs;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Runs the pipeline to the end with at most {@code maxHeap} of heap (as -Xmx takes it); its output
   * goes to {@code log}.
   *
   * @return the wall time in seconds, JVM start included
   * @throws IllegalStateException if the run failed (the log says why)
   */
  public double run(Path home, List<String> pipelineArgs, Path log, String maxHeap)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    int exit = start(home, pipelineArgs, log, maxHeap).waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(label() + " run failed (exit " + exit + "); see " + log);
    }
    return seconds;
  }

  /**
   * Starts the pipeline with at most {@code maxHeap} of heap (a streaming one runs until the
   * process is destroyed, or this JVM ends); its output goes to {@code log}.
   */
  public Process start(Path home, List<String> pipelineArgs, Path log, String maxHeap) throws IOException {
    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx" + maxHeap));
    jvmArgs.addAll(javaFlags());
    List<String> args = new ArrayList<>(runnerArgs);
    args.addAll(pipelineArgs);
    return ChildJvm.start(jvmArgs, classpath(home), RunPipeline.class.getName(), args, log);
  }

  private String classpath(Path home) throws IOException {
    if (this == DIRECT) {
      return System.getProperty("java.class.path");
    }
    Path file = home.resolve("runners/" + label() + "/target/runner-classpath.txt");
    if (!Files.exists(file)) {
      throw new IllegalStateException("no " + file + ": build the runner first, mvn -q install -DskipTests -pl runners/"
          + label() + " -am");
    }
    return Files.readString(file).strip();
  }

  /** The --add-opens flags of the build (the parent pom's java17.opens), filtered into a resource. */
  private static List<String> javaFlags() {
    try (InputStream in = RunnerJvm.class.getResourceAsStream("/nolambda-java17-flags.txt")) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
