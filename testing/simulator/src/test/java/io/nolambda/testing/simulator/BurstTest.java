package io.nolambda.testing.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nolambda.events.AssetEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The injected bursts stand out of the background the way the trend metric looks for them. */
class BurstTest {
  private static SimulatorConfig config;
  private static Simulation run;
  private static List<AssetEvent> events;

  @BeforeAll
  static void simulate() {
    config = SimulatorConfig.builder()
        .durationMillis(40 * 60_000)
        .routes(0)
        .parkingEventsPerSecond(0)
        .incidentsEnabled(false)
        .assetEventsPerSecond(300)
        .bursts(8)
        .build();
    run = new CitySimulator(config).run();
    events = TestEvents.payloads(run.events(), AssetEvent.class);
  }

  @Test
  void burstsAreSpreadOverDistinctAssetsAfterTheBaselineHistory() {
    List<Burst> bursts = run.truth().bursts();
    long w = config.trendWindowMillis();
    assertThat(bursts).hasSize(config.bursts());
    assertThat(bursts).extracting(Burst::assetId).doesNotHaveDuplicates();
    for (Burst b : bursts) {
      assertThat(b.startMillis() % w).isZero();
      assertThat(b.startMillis())
          .isGreaterThanOrEqualTo(config.startMillis() + config.trendHistoryWindows() * w);
      assertThat(b.endMillis()).isEqualTo(b.startMillis() + config.burstWindows() * w)
          .isLessThanOrEqualTo(config.endMillis());
    }
  }

  @Test
  void burstCountsRiseFarAboveTheAssetsBaseline() {
    for (Burst b : run.truth().bursts()) {
      ReferenceTrending trend = new ReferenceTrending(events, b.segment(), b.windowMillis(),
          config.trendHistoryWindows());
      double baseline = trend.score(b.assetId(), b.startMillis()).mean();
      for (int k = 0; k < b.windows(); k++) {
        long window = b.startMillis() + k * b.windowMillis();
        assertThat(trend.count(b.assetId(), window))
            .as("%s window %d", b, k)
            .isGreaterThanOrEqualTo(ReferenceTrending.MIN_SUPPORT)
            .isGreaterThan((long) (baseline + 0.3 * b.expectedCounts().get(k)));
      }
      // Just after the burst the asset is back to its background.
      assertThat(trend.count(b.assetId(), b.endMillis())).isLessThan(ReferenceTrending.MIN_SUPPORT);
    }
  }

  @Test
  void burstsRankInTheTopTenOfTheirSegmentInEveryWindow() {
    for (Burst b : run.truth().bursts()) {
      ReferenceTrending trend = new ReferenceTrending(events, b.segment(), b.windowMillis(),
          config.trendHistoryWindows());
      for (int k = 0; k < b.windows(); k++) {
        long window = b.startMillis() + k * b.windowMillis();
        assertThat(trend.top(window))
            .as("%s window %d", b, k)
            .extracting(ReferenceTrending.Score::assetId)
            .contains(b.assetId());
      }
    }
  }

  @Test
  void burstEventsAreExactlyWhatTheBurstsAddToTheSameBackground() {
    Simulation background = new CitySimulator(config.toBuilder().bursts(0).build()).run();
    Map<String, Integer> remaining = new HashMap<>();
    for (AssetEvent e : TestEvents.payloads(background.events(), AssetEvent.class)) {
      remaining.merge(withoutId(e), 1, Integer::sum);
    }
    int extra = 0;
    for (AssetEvent e : events) {
      if (remaining.merge(withoutId(e), -1, Integer::sum) < 0) {
        extra++;
        assertThat(run.truth().bursts()).anySatisfy(b -> {
          assertThat(e.getAssetId()).isEqualTo(b.assetId());
          assertThat(b.segment().matches(e)).isTrue();
          assertThat(e.getEventTime()).isBetween(b.startMillis(), b.endMillis() - 1);
        });
      }
    }
    assertThat(remaining.values()).allMatch(n -> n <= 0);
    double expected = run.truth().bursts().stream()
        .flatMap(b -> b.expectedCounts().stream()).mapToDouble(Double::doubleValue).sum();
    assertThat((double) extra).isCloseTo(expected, within(6 * Math.sqrt(expected)));
  }

  private static String withoutId(AssetEvent e) {
    return e.getEventTime() + "|" + e.getAssetId() + "|" + e.getAction() + "|" + e.getOs() + "|"
        + e.getRegion() + "|" + e.getUserId();
  }
}
