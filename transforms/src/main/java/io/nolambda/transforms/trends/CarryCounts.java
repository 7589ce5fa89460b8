package io.nolambda.transforms.trends;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Carries a window's count into the window itself (offset 0) and the N windows after it (offsets
 * 1..N), where it is history (DESIGN.md 5). Each copy is stamped at the end of its target window,
 * never earlier than its input, so re-windowing puts it there. Windows an asset had no events in
 * send nothing: they are the zeros of the zero-filled baseline.
 */
final class CarryCounts extends DoFn<KV<KV<String, String>, Long>, KV<KV<String, String>, KV<Integer, Long>>> {
  private final Duration window;
  private final int history;

  CarryCounts(Duration window, int history) {
    this.window = window;
    this.history = history;
  }

  @ProcessElement
  public void process(@Element KV<KV<String, String>, Long> count, IntervalWindow source,
      OutputReceiver<KV<KV<String, String>, KV<Integer, Long>>> out) {
    for (int offset = 0; offset <= history; offset++) {
      Instant targetEnd = source.end().plus(window.multipliedBy(offset));
      out.outputWithTimestamp(KV.of(count.getKey(), KV.of(offset, count.getValue())),
          targetEnd.minus(Duration.millis(1)));
    }
  }
}
