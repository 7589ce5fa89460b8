package io.nolambda.transforms.trends;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * Turns an asset's counts per segment in a window into one element per segment, keyed by (segment,
 * window start), with the asset and its count as the value. The window start in the key gives each
 * key of the following Combines exactly one window: Spark's batch Combine keeps all windows of a
 * key in one accumulator, which for a segment key alone grew to every window's carried history and
 * ran out of memory at 2M events.
 */
final class KeyBySegmentWindow
    extends DoFn<KV<String, Map<String, Long>>, KV<KV<String, Long>, KV<String, Long>>> {
  @ProcessElement
  public void process(@Element KV<String, Map<String, Long>> counts, IntervalWindow window,
      OutputReceiver<KV<KV<String, Long>, KV<String, Long>>> out) {
    counts.getValue().forEach((segment, count) ->
        out.output(KV.of(KV.of(segment, window.start().getMillis()), KV.of(counts.getKey(), count))));
  }
}
