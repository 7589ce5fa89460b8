package io.nolambda.testing.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import org.junit.jupiter.api.Test;

/** Each pipeline live from Kafka and as a backfill from the archive the live run wrote: the same rows. */
@WithLocalServices
class StreamBackfillEquivalenceTest {

  @Test
  void trendsLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(PipelineCatalog.TRENDS, services, "trending")
        .withPipelineArgs(EquivalenceCities.TRENDS_ARGS).run("eq_trends", EquivalenceCities.trends());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("trending")).hasSizeGreaterThan(20);
  }

  @Test
  void parkingLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(PipelineCatalog.PARKING, services, "occupancy")
        .run("eq_parking", EquivalenceCities.parking());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("occupancy")).hasSizeGreaterThan(8 * 8);
  }
}
