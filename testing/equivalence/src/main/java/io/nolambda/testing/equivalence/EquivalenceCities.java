package io.nolambda.testing.equivalence;

import io.nolambda.events.CityEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.util.List;

/** The simulated cities the equivalence tests stream and backfill, the same on every runner. */
public final class EquivalenceCities {
  private EquivalenceCities() {}

  /** Two minutes of asset views with two injected bursts, 5-second trend windows. */
  public static List<CityEvent> trends() {
    return new CitySimulator(SimulatorConfig.builder().seed(7).durationMillis(2 * 60_000).routes(0)
        .parkingEventsPerSecond(0).incidentsEnabled(false).assetEventsPerSecond(20).assets(200).bursts(2)
        .burstWindows(3).trendWindows(5_000, 12).build()).run().events();
  }

  /** The trend pipeline's options for {@link #trends()}: a 12-window history. */
  public static final String[] TRENDS_ARGS = {"--historyWindows=12"};

  /** Forty minutes of 36 street zones and 2 car parks. */
  public static List<CityEvent> parking() {
    return new CitySimulator(SimulatorConfig.builder().seed(5).durationMillis(40 * 60_000).routes(0)
        .incidentsEnabled(false).assetEventsPerSecond(0).bursts(0).parkingEventsPerSecond(0.5).streetZones(6, 6)
        .carParks(2, 80).build()).run().events();
  }
}
