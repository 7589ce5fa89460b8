package io.nolambda.runners.direct;

import io.nolambda.pipelines.eventcounts.RunnerProofContract;
import java.util.List;

class DirectRunnerProofTest extends RunnerProofContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=DirectRunner", "--targetParallelism=2");
  }

  @Override
  protected List<String> streamingArgs() {
    // run() must return so the test can watch the serving table while the job runs.
    return List.of("--blockOnRun=false");
  }

  @Override
  protected String runnerName() {
    return "direct";
  }
}
