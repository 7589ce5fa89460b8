package io.nolambda.transforms.trends;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * Re-keys an asset's count in a window from (segment, asset) to (segment, window start), with the
 * asset and count as the value. The window start in the key gives each key of the following
 * Combines exactly one window: Spark's batch Combine keeps all windows of a key in one
 * accumulator, which for a segment key alone grew to every window's carried history and ran out of
 * memory at 2M events.
 */
final class KeyBySegmentWindow
    extends DoFn<KV<KV<String, String>, Long>, KV<KV<String, Long>, KV<String, Long>>> {
  @ProcessElement
  public void process(@Element KV<KV<String, String>, Long> count, IntervalWindow window,
      OutputReceiver<KV<KV<String, Long>, KV<String, Long>>> out) {
    out.output(KV.of(KV.of(count.getKey().getKey(), window.start().getMillis()),
        KV.of(count.getKey().getValue(), count.getValue())));
  }
}
