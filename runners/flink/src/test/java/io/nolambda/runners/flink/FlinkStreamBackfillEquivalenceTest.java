package io.nolambda.runners.flink;

import io.nolambda.testing.equivalence.StreamBackfillContract;
import io.nolambda.testing.equivalence.StreamBackfillEquivalence;
import java.util.List;

/** The stream-vs-backfill equivalence on Flink: live from Kafka, then from the archive, the same rows. */
class FlinkStreamBackfillEquivalenceTest extends StreamBackfillContract {

  @Override
  protected StreamBackfillEquivalence onRunner(StreamBackfillEquivalence harness) {
    // an unbounded job never finishes: detached, so the harness can watch and then cancel it; three
    // source subtasks for the two partitions of each topic, so that one has no split (README, restart)
    return harness.withRunner(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=3"),
        List.of("--attachedMode=false"));
  }

  @Override
  protected String runnerName() {
    return "flink";
  }
}
