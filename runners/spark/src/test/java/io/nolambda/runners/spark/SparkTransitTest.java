package io.nolambda.runners.spark;

import io.nolambda.pipelines.matrix.TransitContract;

class SparkTransitTest extends TransitContract implements SparkArgs {
  /** Spark streaming has no watermark holds: the stop waits would silently lose arrivals. */
  @Override
  protected String streamingStopWaitsLimit() {
    return "SparkRunner limit: MeasureStopWaits";
  }
}
