package io.nolambda.testing.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void defaultsDescribeAnHourOfAGridCityNearWashington() {
    SimulatorConfig c = SimulatorConfig.builder().build();
    assertThat(c.durationMillis()).isEqualTo(3_600_000);
    assertThat(c.centerLat()).isEqualTo(38.9);
    assertThat(c.centerLon()).isEqualTo(-77.03);
    assertThat(c.incidentsEnabled()).isTrue();
    assertThat(c.endMillis()).isEqualTo(c.startMillis() + c.durationMillis());
  }

  @Test
  void toBuilderCopiesEverything() {
    SimulatorConfig c = SimulatorConfig.builder().seed(9).routes(2).bursts(1).build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.toBuilder().seed(10).build()).isNotEqualTo(c);
  }

  @Test
  void rejectsWhatCannotBeSimulated() {
    assertThatThrownBy(() -> SimulatorConfig.builder().headwaySeconds(7 * 60 + 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("divide a day");
    assertThatThrownBy(() -> SimulatorConfig.builder().durationMillis(60_000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bursts(0)");
    assertThatThrownBy(() -> SimulatorConfig.builder().reportIntervalMillis(30_000, 15_000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorConfig.builder().routes(30).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SimulatorConfig.builder().durationMillis(60_000).bursts(0).build().bursts()).isZero();
  }
}
