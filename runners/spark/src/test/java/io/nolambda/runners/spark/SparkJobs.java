package io.nolambda.runners.spark;

import org.apache.beam.runners.spark.metrics.MetricsAccumulator;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder;

/** What the tests need to run several Spark streaming jobs, one after another, in one JVM. */
final class SparkJobs {
  private SparkJobs() {}

  /**
   * The Spark runner keeps source watermarks (and metrics) in JVM-wide statics that only
   * TestSparkRunner clears. A JVM that ran other Spark streaming pipelines before: left alone, their
   * last watermarks (end of time, for a finished TestStream) greet the next job's first
   * micro-batch, so its first windows fire at once and their remaining events are dropped. That,
   * not late data, was the one-event-short first window of earlier CI runs.
   */
  static void forgetEarlierJobs() {
    GlobalWatermarkHolder.clear();
    MetricsAccumulator.clear();
  }
}
