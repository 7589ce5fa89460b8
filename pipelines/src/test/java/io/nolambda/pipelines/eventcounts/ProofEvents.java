package io.nolambda.pipelines.eventcounts;

import io.nolambda.events.CityEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.List;

/** The runner proof's input: a few simulated minutes of the city, every kind of event. */
final class ProofEvents {
  private ProofEvents() {}

  static List<CityEvent> generate(Duration span) {
    SimulatorConfig config = SimulatorConfig.builder()
        .seed(2026)
        .durationMillis(span.toMillis())
        .assetEventsPerSecond(20)
        .incidentsPerHour(60)
        .bursts(0) // counting needs no trend bursts, and the Spark proof replays too little history for them
        .build();
    return new CitySimulator(config).run().events();
  }
}
