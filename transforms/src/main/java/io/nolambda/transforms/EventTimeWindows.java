package io.nolambda.transforms;

import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.joda.time.Duration;

/**
 * The windowing every metric uses: fixed event-time windows, one pane when the watermark passes
 * the end, one more per late element within the allowed lateness. Panes accumulate, so each pane
 * is the whole answer so far and an upsert keyed by (entity, window) converges to the final row
 * whatever the arrival order. Runners without lateness support (Spark streaming) take zero.
 */
public final class EventTimeWindows {
  private EventTimeWindows() {}

  public static <T> Window<T> fixed(Duration size, Duration allowedLateness) {
    return Window.<T>into(FixedWindows.of(size))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(allowedLateness)
        .accumulatingFiredPanes()
        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY);
  }
}
