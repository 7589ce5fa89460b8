package io.nolambda.testing.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.ParkingEvent;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final SimulatorConfig CONFIG = SimulatorConfig.builder()
      .durationMillis(20 * 60_000)
      .assetEventsPerSecond(50)
      .incidentsPerHour(12)
      .parkingEventsPerSecond(1)
      .build();

  @Test
  void sameSeedGivesTheSameBytesInMemoryAndStreamed() {
    Simulation first = new CitySimulator(CONFIG).run();
    CitySimulator second = new CitySimulator(CONFIG.toBuilder().build());

    assertThat(first.events()).hasSizeGreaterThan(50_000);
    assertThat(TestEvents.digest(second)).isEqualTo(TestEvents.digest(first.events()));
    assertThat(second.groundTruth()).isEqualTo(first.truth());
  }

  @Test
  void iteratingTwiceReplaysTheRun() {
    CitySimulator city = new CitySimulator(CONFIG);
    assertThat(TestEvents.digest(city)).isEqualTo(TestEvents.digest(city));
  }

  @Test
  void anotherSeedGivesOtherEventsInEveryPart() {
    CitySimulator a = new CitySimulator(CONFIG);
    CitySimulator b = new CitySimulator(CONFIG.toBuilder().seed(CONFIG.seed() + 1).build());

    for (Class<?> kind : new Class<?>[] {AssetEvent.class, BusPosition.class, ParkingEvent.class}) {
      assertThat(TestEvents.digest(b, TestEvents.kind(kind)))
          .as(kind.getSimpleName())
          .isNotEqualTo(TestEvents.digest(a, TestEvents.kind(kind)));
    }
    assertThat(b.groundTruth().incidents()).isNotEqualTo(a.groundTruth().incidents());
    assertThat(b.groundTruth().bursts()).isNotEqualTo(a.groundTruth().bursts());
  }

  @Test
  void eachPartIgnoresHowMuchTheOthersDraw() {
    CitySimulator base = new CitySimulator(CONFIG);
    CitySimulator busier = new CitySimulator(CONFIG.toBuilder()
        .assetEventsPerSecond(80).bursts(2).parkingEventsPerSecond(2).build());
    CitySimulator moreRoutes = new CitySimulator(CONFIG.toBuilder().routes(8).build());

    assertThat(TestEvents.digest(busier, TestEvents.kind(BusPosition.class)))
        .isEqualTo(TestEvents.digest(base, TestEvents.kind(BusPosition.class)));
    assertThat(TestEvents.digest(moreRoutes, TestEvents.kind(AssetEvent.class)))
        .isEqualTo(TestEvents.digest(base, TestEvents.kind(AssetEvent.class)));
    assertThat(TestEvents.digest(moreRoutes, TestEvents.kind(ParkingEvent.class)))
        .isEqualTo(TestEvents.digest(base, TestEvents.kind(ParkingEvent.class)));
  }
}
