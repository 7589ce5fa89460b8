package io.nolambda.pipelines.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.testing.simulator.CitySimulator;
import io.nolambda.testing.simulator.SimulatorConfig;
import io.nolambda.transforms.trends.DetectTrends;
import io.nolambda.transforms.trends.TrendingRow;
import io.nolambda.transforms.trends.TrendsLoop;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The benchmarks' plain loop computes exactly the rows of the transform, on a simulated city with bursts. */
class TrendsLoopTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void theLoopComputesTheTransformsRows() {
    List<CityEvent> events = new CitySimulator(SimulatorConfig.builder().seed(13).durationMillis(3 * 60_000).routes(0)
        .parkingEventsPerSecond(0).incidentsEnabled(false).assetEventsPerSecond(20).assets(200).bursts(3)
        .burstWindows(3).trendWindows(5_000, 12).build()).run().events();
    Duration window = Duration.standardSeconds(5);
    List<TrendingRow> loop = TrendsLoop.detect(events, window, 12, 3, 2);
    // every window with two or more views of one asset has a ranked row in each of its three segments
    assertThat(loop.stream().filter(r -> r.getRank() == 1).map(TrendingRow::getSegment).distinct().count())
        .isGreaterThan(3);

    PAssert.that(pipeline
        .apply(Create.timestamped(events.stream().map(e -> TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))))
            .toList()).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(DetectTrends.create().withWindow(window).withHistory(12).withTopK(3).withMinSupport(2))
        .get(DetectTrends.TRENDING)).containsInAnyOrder(loop);
    pipeline.run().waitUntilFinish();
  }
}
