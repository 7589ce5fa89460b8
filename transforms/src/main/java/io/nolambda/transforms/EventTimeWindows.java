package io.nolambda.transforms;

import java.util.function.LongPredicate;
import java.util.stream.LongStream;
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
 *
 * <p>Also the starts of the fixed windows an element is carried into (its own window and later
 * ones up to a reach after it), for the transforms that copy an element into later windows and for
 * the plain loops that compute the same rows.
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

  /**
   * The starts of the fixed windows of {@code size} ms from the one holding {@code time} (floor
   * division, so also for negative times) on, each starting before {@code time + reach}: the
   * bound is exclusive.
   */
  public static LongStream startsBefore(long time, long size, long reach) {
    long bound = time + reach;
    return startsWhile(time, size, start -> start < bound);
  }

  /**
   * The starts of the fixed windows of {@code size} ms from the one holding {@code time} (floor
   * division, so also for negative times) on, each starting at or before {@code time + reach}:
   * the bound is inclusive.
   */
  public static LongStream startsUpTo(long time, long size, long reach) {
    long bound = time + reach;
    return startsWhile(time, size, start -> start <= bound);
  }

  private static LongStream startsWhile(long time, long size, LongPredicate more) {
    return LongStream.iterate(Math.floorDiv(time, size) * size, more, start -> start + size);
  }
}
