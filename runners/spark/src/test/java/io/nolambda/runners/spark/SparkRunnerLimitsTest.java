package io.nolambda.runners.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.pipelines.sources.ReadEvents;
import io.nolambda.pipelines.sources.SourceOptions;
import io.nolambda.transforms.transit.Arrival;
import io.nolambda.transforms.transit.MeasureStopWaits;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;

/** Where Spark cannot run something, the project says so when the pipeline is built. */
class SparkRunnerLimitsTest {

  @Test
  void streamingOverBoundedFilesFailsFastNamingTheLimit() {
    SourceOptions options = PipelineOptionsFactory.fromArgs(
        "--runner=SparkRunner", "--sparkMaster=local[2]", "--streaming=true", "--source=file:/nonexistent/*.jsonl")
        .as(SourceOptions.class);
    Pipeline pipeline = Pipeline.create(options);

    assertThatThrownBy(() -> pipeline.apply(ReadEvents.of(options, List.of("AssetEvent"))))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("SparkRunner limit")
        .hasMessageContaining("No output operations registered");
  }

  /** TransitContract checks it on TestSparkRunner; users name SparkRunner. */
  @Test
  void streamingStopWaitsFailFastNamingTheLimit() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(
        "--runner=SparkRunner", "--sparkMaster=local[2]", "--streaming=true").create());
    PCollection<Arrival> arrivals = pipeline.apply(Create.empty(TypeDescriptor.of(Arrival.class)));
    GtfsFeed feed = new GtfsFeed(ZoneOffset.UTC, Map.of(), Map.of(), List.of());

    assertThatThrownBy(() -> arrivals.apply(MeasureStopWaits.create(feed, LocalDate.of(2026, 3, 2))))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(MeasureStopWaits.SPARK_STREAMING_LIMIT);
  }
}
