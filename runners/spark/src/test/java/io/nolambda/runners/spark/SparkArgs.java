package io.nolambda.runners.spark;

import io.nolambda.pipelines.matrix.RunnerArgs;
import java.util.List;

/**
 * The Spark runner's options for the matrix contracts: TestSparkRunner, which waits for the job so
 * that the PAsserts are counted; a fresh checkpoint directory per streaming run.
 */
interface SparkArgs extends RunnerArgs {
  @Override
  default List<String> batchArgs() {
    return List.of("--runner=TestSparkRunner", "--sparkMaster=local[2]");
  }

  @Override
  default List<String> streamingArgs() {
    return List.of("--runner=TestSparkRunner", "--sparkMaster=local[2]", "--streaming=true",
        "--batchIntervalMillis=500", "--checkpointDir=" + System.getProperty("java.io.tmpdir")
            + "/nolambda-spark-matrix-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
  }
}
