package io.nolambda.runners.direct;

import io.nolambda.pipelines.matrix.RunnerArgs;
import java.util.List;

/** The DirectRunner's options for the matrix contracts. */
interface DirectArgs extends RunnerArgs {
  @Override
  default List<String> batchArgs() {
    return List.of("--runner=DirectRunner", "--targetParallelism=2");
  }

  @Override
  default List<String> streamingArgs() {
    return List.of("--runner=DirectRunner", "--targetParallelism=2", "--streaming=true");
  }
}
