package io.nolambda.pipelines.eventcounts;

import io.nolambda.pipelines.sources.WriteServingOutputs;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the event-count pipeline, the smallest end-to-end job (runner proof and demo). */
public interface EventCountOptions extends WriteServingOutputs.Options {
  @Description("Event-time window size in seconds")
  @Default.Long(60)
  long getWindowSeconds();

  void setWindowSeconds(long value);

  @Description("How long after a window closes late events still update it, in seconds")
  @Default.Long(600)
  long getAllowedLatenessSeconds();

  void setAllowedLatenessSeconds(long value);
}
