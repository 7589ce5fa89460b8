package io.nolambda.testing.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each pipeline live from Kafka and as a backfill from the archive the live run wrote: the same
 * rows. Each runner module extends this with its runner; the cities are {@link EquivalenceCities}.
 */
@WithLocalServices
public abstract class StreamBackfillContract {

  /** The harness on this module's runner. */
  protected abstract StreamBackfillEquivalence onRunner(StreamBackfillEquivalence harness);

  /** A short lower-case name for keyspaces and topics of this runner. */
  protected abstract String runnerName();

  @Test
  void trendsLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    EquivalenceCities.City city = EquivalenceCities.trends();
    StreamBackfillEquivalence.Outcome outcome = onRunner(StreamBackfillEquivalence.of(PipelineCatalog.TRENDS, services,
        "trending")).withPipelineArgs(city.pipelineArgs()).run("eq_" + runnerName() + "_trends", city.events());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("trending")).hasSizeGreaterThan(20);
  }

  @Test
  void parkingLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    EquivalenceCities.City city = EquivalenceCities.parking();
    StreamBackfillEquivalence.Outcome outcome = onRunner(StreamBackfillEquivalence.of(PipelineCatalog.PARKING, services,
        "occupancy")).withPipelineArgs(city.pipelineArgs()).run("eq_" + runnerName() + "_parking", city.events());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("occupancy")).hasSizeGreaterThan(8 * 8);
  }

  @Test
  protected void transitLiveEqualsBackfill(ServiceEndpoints services, @TempDir Path dir) throws Exception {
    EquivalenceCities.City city = EquivalenceCities.transit(dir);
    StreamBackfillEquivalence.Outcome outcome = onRunner(StreamBackfillEquivalence.of(PipelineCatalog.TRANSIT, services,
            "stop_wait", "cell_stats", "correlation", "bus_latest"))
        .withPipelineArgs(city.pipelineArgs()).withCutoffUnit(Duration.ofDays(1))
        .run("eq_" + runnerName() + "_transit", city.events());

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("stop_wait")).hasSizeGreaterThan(20);
    assertThat(outcome.streamed().get("cell_stats")).hasSizeGreaterThan(10);
    assertThat(outcome.streamed().get("correlation")).hasSize(3); // three pairs of measures, one UTC day
    assertThat(outcome.streamed().get("bus_latest")).hasSizeGreaterThan(20);
  }
}
