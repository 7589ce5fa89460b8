package io.nolambda.runners.flink;

import io.nolambda.pipelines.matrix.RunnerArgs;
import java.util.List;

/**
 * The FlinkRunner's options for the matrix contracts: an embedded cluster at parallelism 1, since
 * Flink streaming TestStream is flaky at 2 (docs/STACK.md).
 */
interface FlinkArgs extends RunnerArgs {
  @Override
  default List<String> batchArgs() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1");
  }

  @Override
  default List<String> streamingArgs() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1", "--streaming=true");
  }
}
