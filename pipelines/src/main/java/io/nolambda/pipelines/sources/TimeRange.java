package io.nolambda.pipelines.sources;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.joda.time.Duration;

/**
 * The event-time range [from, to) a run computes, from {@code --from} and {@code --to}; either end
 * may be open. Millisecond bounds, {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE} when open.
 */
public record TimeRange(long fromMillis, long toMillis) implements Serializable {
  public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

  public TimeRange {
    if (fromMillis >= toMillis) {
      throw new IllegalArgumentException("empty time range: --from must be before --to");
    }
  }

  public static TimeRange of(SourceOptions options) {
    return new TimeRange(parse("--from", options.getFrom(), Long.MIN_VALUE), parse("--to", options.getTo(), Long.MAX_VALUE));
  }

  private static long parse(String name, String value, long open) {
    if (value == null || value.isBlank()) {
      return open;
    }
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not an ISO-8601 instant such as 2024-03-05T00:00:00Z", e);
    }
  }

  public boolean isAll() {
    return fromMillis == Long.MIN_VALUE && toMillis == Long.MAX_VALUE;
  }

  public boolean contains(long millis) {
    return millis >= fromMillis && millis < toMillis;
  }

  /** The same range starting earlier by the look-back windows need (state before the first window). */
  public TimeRange withLookBack(Duration lookBack) {
    long from = fromMillis == Long.MIN_VALUE ? fromMillis : Math.max(Long.MIN_VALUE + 1, fromMillis - lookBack.getMillis());
    return new TimeRange(from, toMillis);
  }
}
