package io.nolambda.pipelines.trends;

import io.nolambda.pipelines.sources.WriteServingOutputs;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the trends pipeline; defaults are DESIGN.md §4's. */
public interface TrendsOptions extends WriteServingOutputs.Options {
  @Description("Trend window in seconds")
  @Default.Long(5)
  long getTrendWindowSeconds();

  void setTrendWindowSeconds(long value);

  @Description("Baseline: number of previous windows (empty windows count as 0)")
  @Default.Integer(60)
  int getHistoryWindows();

  void setHistoryWindows(int value);

  @Description("Trending assets kept per segment and window")
  @Default.Integer(10)
  int getTopK();

  void setTopK(int value);

  @Description("Minimum count in the window for an asset to trend")
  @Default.Long(5)
  long getMinSupport();

  void setMinSupport(long value);
}
