package io.nolambda.pipelines.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.testing.simulator.Burst;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.Segment;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.testing.simulator.Simulation;
import io.nolambda.transforms.trends.DetectTrends;
import io.nolambda.transforms.trends.TrendingRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Every burst the simulator injects is in the top K of its segment in each of its windows. */
class SimulatedBurstsTrendTest {
  private static final long WINDOW_MILLIS = 5_000;
  private static final int HISTORY = 8;

  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void everyInjectedBurstIsTrendingInEachOfItsWindows() {
    // A small city: asset events only, 24 trend windows, kept modest for a shared machine.
    SimulatorConfig config = SimulatorConfig.builder()
        .seed(5)
        .durationMillis(24 * WINDOW_MILLIS)
        .routes(0)
        .parkingEventsPerSecond(0)
        .incidentsEnabled(false)
        .assetEventsPerSecond(20)
        .assets(300)
        .bursts(4)
        .burstWindows(3)
        .trendWindows(WINDOW_MILLIS, HISTORY)
        .build();
    Simulation run = new CitySimulator(config).run();
    List<TimestampedValue<CityEvent>> events = new ArrayList<>();
    for (CityEvent e : run.events()) {
      events.add(TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))));
    }
    assertThat(run.truth().bursts()).hasSize(4);
    assertThat(run.events()).allMatch(e -> e.getPayload() instanceof AssetEvent);

    // "segment|window_start|asset" of every burst window, as the rows name them
    List<String> expected = new ArrayList<>();
    for (Burst b : run.truth().bursts()) {
      for (int k = 0; k < b.windows(); k++) {
        expected.add(segment(b.segment()) + "|" + (b.startMillis() + k * b.windowMillis()) + "|"
            + b.assetId());
      }
    }

    PCollection<TrendingRow> trending = pipeline
        .apply(Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(DetectTrends.create().withWindow(Duration.millis(WINDOW_MILLIS)).withHistory(HISTORY))
        .get(DetectTrends.TRENDING);

    PAssert.that(trending).satisfies(rows -> {
      Set<String> found = new HashSet<>();
      rows.forEach(r -> found.add(r.getSegment() + "|" + r.getWindowStart() + "|" + r.getAssetId()));
      assertThat(found).containsAll(expected);
      return null;
    });
    pipeline.run();
  }

  private static String segment(Segment s) {
    return switch (s.dimension()) {
      case ALL -> "all";
      case OS -> "os:" + s.value();
      case REGION -> "region:" + s.value();
    };
  }
}
