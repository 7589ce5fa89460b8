package io.nolambda.runners.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.equivalence.EquivalenceCities;
import io.nolambda.testing.equivalence.StreamBackfillEquivalence;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream-vs-backfill equivalence on Flink: live from Kafka, then from the archive, the same rows. */
@WithLocalServices
class FlinkStreamBackfillEquivalenceTest {
  private static final List<String> FLINK = List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  /** An unbounded job never finishes: detached, so the harness can watch and then cancel it. */
  private static final List<String> DETACHED = List.of("--attachedMode=false");

  @Test
  void parkingLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(PipelineCatalog.PARKING, services, "occupancy")
        .withRunner(FLINK, DETACHED).run("eq_flink_parking", EquivalenceCities.parking());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("occupancy")).hasSizeGreaterThan(8 * 8);
  }

  @Test
  void trendsLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(PipelineCatalog.TRENDS, services, "trending")
        .withRunner(FLINK, DETACHED).withPipelineArgs(EquivalenceCities.TRENDS_ARGS)
        .run("eq_flink_trends", EquivalenceCities.trends());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("trending")).hasSizeGreaterThan(20);
  }
}
