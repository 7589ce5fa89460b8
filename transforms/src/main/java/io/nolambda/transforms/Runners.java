package io.nolambda.transforms;

import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.StreamingOptions;

/** Which runner a pipeline is built for, where a transform must refuse one it cannot run on. */
public final class Runners {
  private static final Set<String> SPARK = Set.of("SparkRunner", "TestSparkRunner");

  private Runners() {}

  /** True for a streaming run on the classic (DStream) Spark runner. */
  public static boolean isSparkStreaming(PipelineOptions options) {
    return options.as(StreamingOptions.class).isStreaming()
        && SPARK.contains(options.getRunner().getSimpleName());
  }
}
