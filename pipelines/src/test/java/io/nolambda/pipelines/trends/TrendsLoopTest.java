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
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' plain loop computes exactly the rows of the transform, on a simulated city with
 * bursts, both built from the same pipeline options.
 */
class TrendsLoopTest {
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void theLoopComputesTheTransformsRows() {
    List<CityEvent> events = events();
    TrendsOptions options = options("--trendWindowSeconds=5", "--historyWindows=12", "--topK=3", "--minSupport=2");
    List<TrendingRow> loop = TrendsPipeline.loop(options).apply(events);
    // every window with two or more views of one asset has a ranked row in each of its three segments
    assertThat(loop.stream().filter(r -> r.getRank() == 1).map(TrendingRow::getSegment).distinct().count())
        .isGreaterThan(3);

    PAssert.that(pipeline
        .apply(Create.timestamped(events.stream().map(e -> TimestampedValue.of(e, new Instant(CityEvents.eventTime(e))))
            .toList()).withCoder(AvroCoder.of(CityEvent.class)))
        .apply(TrendsPipeline.detect(options))
        .get(DetectTrends.TRENDING)).containsInAnyOrder(loop);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theLoopReadsTheRunsOptions() {
    List<CityEvent> events = events();
    // the defaults a run without arguments has (those the bench used to type in)
    assertThat(TrendsPipeline.loop(options()).apply(events))
        .containsExactlyInAnyOrderElementsOf(TrendsLoop.detect(events, Duration.standardSeconds(5), 60, 10, 5));

    List<TrendingRow> wider = TrendsPipeline.loop(options("--trendWindowSeconds=10", "--minSupport=2")).apply(events);
    assertThat(wider).isNotEmpty().allSatisfy(r -> assertThat(r.getWindowEnd() - r.getWindowStart()).isEqualTo(10_000));
    assertThat(wider)
        .containsExactlyInAnyOrderElementsOf(TrendsLoop.detect(events, Duration.standardSeconds(10), 60, 10, 2));
  }

  private static List<CityEvent> events() {
    return new CitySimulator(SimulatorConfig.builder().seed(13).durationMillis(3 * 60_000).routes(0)
        .parkingEventsPerSecond(0).incidentsEnabled(false).assetEventsPerSecond(20).assets(200).bursts(3)
        .burstWindows(3).trendWindows(5_000, 12).build()).run().events();
  }

  private static TrendsOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(TrendsOptions.class);
  }
}
