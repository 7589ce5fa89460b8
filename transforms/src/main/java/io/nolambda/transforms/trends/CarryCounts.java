package io.nolambda.transforms.trends;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;

/**
 * Carries a segment's counts of a window into the window itself (offset 0) and the N windows after
 * it (offsets 1..N), where they are history (DESIGN.md 5), keyed by the segment and the target
 * window's start. Each copy is stamped at the end of its
 * target window, never earlier than its input, so re-windowing puts it there. Assets without events
 * in a window have no count in its map: they are the zeros of the zero-filled baseline.
 */
final class CarryCounts
    extends DoFn<KV<KV<String, Long>, Map<String, Long>>, KV<KV<String, Long>, KV<Integer, Map<String, Long>>>> {
  private final Duration window;
  private final int history;

  CarryCounts(Duration window, int history) {
    this.window = window;
    this.history = history;
  }

  @ProcessElement
  public void process(@Element KV<KV<String, Long>, Map<String, Long>> counts, IntervalWindow source,
      OutputReceiver<KV<KV<String, Long>, KV<Integer, Map<String, Long>>>> out) {
    String segment = counts.getKey().getKey();
    for (int offset = 0; offset <= history; offset++) {
      Duration shift = window.multipliedBy(offset);
      KV<String, Long> target = KV.of(segment, source.start().plus(shift).getMillis());
      out.outputWithTimestamp(KV.of(target, KV.of(offset, counts.getValue())),
          source.end().plus(shift).minus(Duration.millis(1)));
    }
  }
}
