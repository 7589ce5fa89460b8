package io.nolambda.testing.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.pipelines.PipelineCatalog;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pipeline live from Kafka and as a backfill from the archive the live run wrote: the same rows. */
@WithLocalServices
class StreamBackfillEquivalenceTest {

  @Test
  void trendsLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    List<CityEvent> events = new CitySimulator(SimulatorConfig.builder().seed(7).durationMillis(2 * 60_000).routes(0)
        .parkingEventsPerSecond(0).incidentsEnabled(false).assetEventsPerSecond(20).assets(200).bursts(2)
        .burstWindows(3).trendWindows(5_000, 12).build()).run().events();

    StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(PipelineCatalog.TRENDS, services, "trending")
        .withPipelineArgs("--historyWindows=12").run("eq_trends", events);

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("trending")).hasSizeGreaterThan(20);
  }

  @Test
  void parkingLiveEqualsBackfill(ServiceEndpoints services) throws Exception {
    List<CityEvent> events = new CitySimulator(SimulatorConfig.builder().seed(5).durationMillis(40 * 60_000).routes(0)
        .incidentsEnabled(false).assetEventsPerSecond(0).bursts(0).parkingEventsPerSecond(0.5).streetZones(6, 6)
        .carParks(2, 80).build()).run().events();

    StreamBackfillEquivalence.Outcome outcome = StreamBackfillEquivalence.of(PipelineCatalog.PARKING, services, "occupancy")
        .run("eq_parking", events);

    assertThat(outcome.differences()).isEmpty();
    assertThat(outcome.streamed().get("occupancy")).hasSizeGreaterThan(8 * 8);
  }
}
