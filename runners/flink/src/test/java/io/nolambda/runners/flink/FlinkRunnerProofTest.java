package io.nolambda.runners.flink;

import io.nolambda.pipelines.eventcounts.RunnerProofContract;
import java.util.List;

class FlinkRunnerProofTest extends RunnerProofContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }

  @Override
  protected List<String> streamingArgs() {
    // An unbounded job never finishes: detached, so run() returns and the test can cancel it.
    return List.of("--attachedMode=false");
  }

  @Override
  protected String runnerName() {
    return "flink";
  }
}
