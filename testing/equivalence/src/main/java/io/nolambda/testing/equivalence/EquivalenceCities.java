package io.nolambda.testing.equivalence;

import io.nolambda.events.CityEvent;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.GtfsZip;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.testing.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The simulated cities the equivalence tests stream and backfill, the same on every runner. */
public final class EquivalenceCities {
  private EquivalenceCities() {}

  /** A city's events and the pipeline options they are meant for (the same for the live run and the backfill). */
  public record City(List<CityEvent> events, List<String> pipelineArgs) {
    public City {
      events = List.copyOf(events);
      pipelineArgs = List.copyOf(pipelineArgs);
    }
  }

  /** Two minutes of asset views with two injected bursts, 5-second trend windows and a 12-window history. */
  public static City trends() {
    return new City(new CitySimulator(SimulatorConfig.builder().seed(7).durationMillis(2 * 60_000).routes(0)
        .parkingEventsPerSecond(0).incidentsEnabled(false).assetEventsPerSecond(20).assets(200).bursts(2)
        .burstWindows(3).trendWindows(5_000, 12).build()).run().events(), List.of("--historyWindows=12"));
  }

  /** Forty minutes of 36 street zones and 2 car parks. */
  public static City parking() {
    return new City(new CitySimulator(SimulatorConfig.builder().seed(5).durationMillis(40 * 60_000).routes(0)
        .incidentsEnabled(false).assetEventsPerSecond(0).bursts(0).parkingEventsPerSecond(0.5).streetZones(6, 6)
        .carParks(2, 80).build()).run().events(), List.of());
  }

  /**
   * Half an hour of two bus routes and 311/911 incidents, measured in 15-minute windows against the
   * simulator's own timetable, written as a GTFS zip into {@code dir}. The correlation table is per
   * UTC day: compare with a cutoff unit of a day.
   */
  public static City transit(Path dir) throws IOException {
    return transit(SimulatorConfig.builder().seed(11).durationMillis(30 * 60_000).routes(2).reportIntervalMillis(30_000, 60_000)
        .incidentsPerHour(12).parkingEventsPerSecond(0).assetEventsPerSecond(0).bursts(0).build(), dir);
  }

  /**
   * The transit city of {@code config}, with the transit pipeline's options: its timetable as a GTFS
   * zip in {@code dir} (--gtfs), the day it starts on in the feed's time zone (--serviceDate) and
   * 15-minute windows.
   */
  public static City transit(SimulatorConfig config, Path dir) throws IOException {
    Simulation run = new CitySimulator(config).run();
    Path gtfs = GtfsZip.write(run.truth().feed(), dir.resolve("transit-gtfs.zip"));
    String day = Instant.ofEpochMilli(config.startMillis()).atZone(run.truth().feed().timeZone())
        .toLocalDate().toString();
    return new City(run.events(), List.of("--gtfs=" + gtfs, "--serviceDate=" + day, "--transitWindowSeconds=900"));
  }
}
