package io.nolambda.pipelines.sources;

import io.nolambda.transforms.Runners;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Known limits of the runners (Beam 2.62), checked when a pipeline is built so that a user gets a
 * message naming the limit instead of a hang or an obscure failure at run time.
 */
public final class RunnerLimits {
  private RunnerLimits() {}

  /** @throws UnsupportedOperationException naming the limit this combination would hit */
  public static void checkSource(PipelineOptions options, boolean unboundedSource) {
    if (!unboundedSource && Runners.isSparkStreaming(options)) {
      throw new UnsupportedOperationException(
          "SparkRunner limit: a streaming run needs an unbounded source such as --source=kafka; over bounded"
              + " input Spark's streaming context fails with \"No output operations registered\". Run"
              + " --source=file:... without --streaming.");
    }
  }
}
