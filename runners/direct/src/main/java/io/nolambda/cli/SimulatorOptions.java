package io.nolambda.cli;

import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import picocli.CommandLine.Option;

/** The simulated city's knobs, shared by the commands that generate it. */
final class SimulatorOptions {
  @Option(names = "--seed", defaultValue = "42", description = "same seed, same events; default ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--minutes", defaultValue = "10", description = "simulated minutes; default ${DEFAULT-VALUE}")
  long minutes;

  @Option(names = "--asset-rate", defaultValue = "200", description = "asset events per simulated second; default ${DEFAULT-VALUE}")
  double assetRate;

  CitySimulator simulator() {
    return new CitySimulator(SimulatorConfig.builder()
        .seed(seed).durationMillis(minutes * 60_000).assetEventsPerSecond(assetRate).build());
  }
}
