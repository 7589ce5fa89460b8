package io.nolambda.runners.spark;

import io.nolambda.pipelines.eventcounts.RunnerProofContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

class SparkRunnerProofTest extends RunnerProofContract {
  private static final Duration SPAN = Duration.ofMinutes(2);

  /** Earlier Spark streaming jobs of this JVM must not leave their watermarks to this one (see SparkJobs). */
  @BeforeEach
  void forgetEarlierSparkJobs() {
    SparkJobs.forgetEarlierJobs();
  }

  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=SparkRunner");
  }

  @Override
  protected List<String> streamingArgs() {
    // One reader split: Spark takes the MAX of its splits' watermarks (Beam #19411).
    return List.of("--sparkMaster=local[1]", "--batchIntervalMillis=1000",
        "--checkpointDir=" + System.getProperty("java.io.tmpdir") + "/nolambda-spark-proof-" + ProcessHandle.current().pid());
  }

  /**
   * Spark streaming does not support allowed lateness and accumulating panes (DESIGN.md 6), so no
   * event may be late here: the watermark trails by more than the whole replay, and the windows
   * close only once every partition has been read (the source's idle rule).
   */
  @Override
  protected long maxEventDelaySeconds() {
    return SPAN.toSeconds() + 10;
  }

  /** A shorter replay with shorter windows keeps that wait short. */
  @Override
  protected Duration streamingSpan() {
    return SPAN;
  }

  @Override
  protected Duration streamingWindow() {
    return Duration.ofSeconds(20);
  }

  @Override
  protected String runnerName() {
    return "spark";
  }
}
