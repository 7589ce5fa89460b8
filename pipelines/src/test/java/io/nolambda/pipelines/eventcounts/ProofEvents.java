package io.nolambda.pipelines.eventcounts;

import io.nolambda.events.CityEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.util.List;

/** The runner proof's input: six simulated minutes (enough history for the trend bursts) of the city, every kind of event. */
final class ProofEvents {
  private ProofEvents() {}

  static List<CityEvent> generate() {
    SimulatorConfig config = SimulatorConfig.builder()
        .seed(2026)
        .durationMillis(6 * 60_000)
        .assetEventsPerSecond(20)
        .incidentsPerHour(60)
        .build();
    return new CitySimulator(config).run().events();
  }
}
