package io.nolambda.transforms.trends;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Carries a segment's counts of a window into the window itself (offset 0) and the N windows after
 * it (offsets 1..N), where they are history (DESIGN.md 5). Each copy is stamped at the end of its
 * target window, never earlier than its input, so re-windowing puts it there. Assets without events
 * in a window have no count in its map: they are the zeros of the zero-filled baseline.
 */
final class CarryCounts
    extends DoFn<KV<String, Map<String, Long>>, KV<String, KV<Integer, Map<String, Long>>>> {
  private final Duration window;
  private final int history;

  CarryCounts(Duration window, int history) {
    this.window = window;
    this.history = history;
  }

  @ProcessElement
  public void process(@Element KV<String, Map<String, Long>> counts, IntervalWindow source,
      OutputReceiver<KV<String, KV<Integer, Map<String, Long>>>> out) {
    for (int offset = 0; offset <= history; offset++) {
      Instant targetEnd = source.end().plus(window.multipliedBy(offset));
      out.outputWithTimestamp(KV.of(counts.getKey(), KV.of(offset, counts.getValue())),
          targetEnd.minus(Duration.millis(1)));
    }
  }
}
