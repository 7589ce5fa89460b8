package io.nolambda.io.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Event time and watermark for Kafka records whose CreateTime is the event time, made for sources
 * that replay history as well as for live ones. Beam's {@code withCreateTime} moves an idle
 * partition's watermark to wall-clock now minus the delay: while historical data is replayed, a
 * partition that is momentarily caught up (the producer is slower than the reader, or a partition
 * simply has no data) then pushes the watermark decades ahead and every later record is late. This
 * policy never looks at the wall clock while there is data to read:
 *
 * <ul>
 *   <li>Event time of a record: its Kafka timestamp (CreateTime = event time, set by
 *       {@link CityEventProducer}); a record without one gets its partition's newest event time.
 *   <li>A partition with backlog (or unknown backlog) holds the watermark at its newest event time
 *       minus {@code maxDelay}: records up to {@code maxDelay} out of order are on time.
 *   <li>An idle partition (backlog 0) does not hold the watermark back: it reports the newest event
 *       time seen on any partition of this reader minus {@code maxDelay}, so the reader's
 *       watermark (Beam takes the minimum over its partitions) is the minimum over the partitions
 *       that have data, and an empty or finished partition never stalls it. "Newest" is taken as of
 *       the partition's backlog check, not as of now: KafkaIO measures the backlog against end
 *       offsets fetched once a second (later under load), so "backlog 0" means only that nothing
 *       had arrived by then. Records that arrived since were produced after everything the other
 *       partitions had delivered by then, so they are not behind that watermark; measured against
 *       the newest event time at the moment of the call they could be (a replay running 80 times
 *       faster than event time crosses a 5-minute window in under 4 s of a stale backlog).
 *   <li>Only when every partition of the reader has been idle for {@code idleTimeout} does event
 *       time go on without data, at wall-clock pace from the newest event time minus
 *       {@code maxDelay}, never past wall-clock now minus {@code maxDelay}. So the last windows of a
 *       finished replay fire after about {@code idleTimeout + maxDelay} plus the window's rest,
 *       and a replay that pauses for less than {@code idleTimeout} loses nothing.
 * </ul>
 *
 * A data set that resumes after a longer pause with events older than the watermark has reached is
 * late, as with any watermark; choose {@code idleTimeout} longer than the producer's pauses. The
 * watermark of each partition never goes back, and starts from the watermark restored from a
 * checkpoint. The partitions of one read share the "newest event time" and the idle clock within
 * a JVM (kept in a static map by the id of the factory, because runners such as Spark re-create the
 * readers, and deserialize the factory, for every micro-batch); across JVMs nothing is shared, and
 * Beam takes the minimum over the readers.
 */
public final class EventTimePolicy<K, V> implements TimestampPolicyFactory<K, V> {
  private static final Map<String, Shared> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

  private final Duration maxDelay;
  private final Duration idleTimeout;
  private final SerializableFunction<Void, Long> clock;
  private final String id = java.util.UUID.randomUUID().toString();

  private EventTimePolicy(Duration maxDelay, Duration idleTimeout, SerializableFunction<Void, Long> clock) {
    this.maxDelay = maxDelay;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  public static <K, V> EventTimePolicy<K, V> of(Duration maxDelay, Duration idleTimeout) {
    return new EventTimePolicy<>(maxDelay, idleTimeout, v -> System.currentTimeMillis());
  }

  /** For tests: a policy reading the given clock (epoch millis) instead of the system's. */
  static <K, V> EventTimePolicy<K, V> withClock(Duration maxDelay, Duration idleTimeout, SerializableFunction<Void, Long> clock) {
    return new EventTimePolicy<>(maxDelay, idleTimeout, clock);
  }

  @Override
  public TimestampPolicy<K, V> createTimestampPolicy(TopicPartition tp, Optional<Instant> previousWatermark) {
    Shared shared = SHARED.computeIfAbsent(id, k -> new Shared(() -> clock.apply(null)));
    long start = previousWatermark.map(Instant::getMillis).orElse(BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    if (previousWatermark.isPresent()) {
      shared.newest(start + maxDelay.getMillis());
    }
    return new PartitionPolicy<>(tp, shared, maxDelay.getMillis(), idleTimeout.getMillis(), start);
  }

  /** What the partitions of one reader know together. */
  static final class Shared {
    /** How far back (wall clock) the newest event time stays known: backlog checks are seconds old (one entry per ms at most). */
    private static final long TIMELINE_MILLIS = 60_000L;

    private final LongSupplier now;
    private final Map<TopicPartition, Boolean> idle = new HashMap<>();
    /** Newest event time by the wall-clock time it was first seen (entries only grow). */
    private final TreeMap<Long, Long> newestSince = new TreeMap<>();
    private long newestEventTime = Long.MIN_VALUE;
    private long allIdleSince = Long.MIN_VALUE;

    Shared(LongSupplier now) {
      this.now = now;
    }

    synchronized void register(TopicPartition tp) {
      if (!idle.containsKey(tp)) {
        setIdle(tp, false); // unknown until the reader knows the backlog
      }
    }

    synchronized void seen(TopicPartition tp, long eventTime) {
      newest(eventTime);
      setIdle(tp, false);
    }

    /** Raises the newest event time (also by a restored watermark: the events behind it were at least that new). */
    synchronized void newest(long eventTime) {
      if (eventTime <= newestEventTime) {
        return;
      }
      newestEventTime = eventTime;
      long wallNow = now.getAsLong();
      newestSince.put(wallNow, eventTime);
      Long keep = newestSince.floorKey(wallNow - TIMELINE_MILLIS);
      if (keep != null) {
        newestSince.headMap(keep, false).clear();
      }
    }

    synchronized void setIdle(TopicPartition tp, boolean isIdle) {
      idle.put(tp, isIdle);
      boolean all = !idle.containsValue(false);
      if (!all) {
        allIdleSince = Long.MIN_VALUE;
      } else if (allIdleSince == Long.MIN_VALUE) {
        allIdleSince = now.getAsLong();
      }
    }

    /** The watermark a partition idle at its backlog check {@code checkedAt} reports (before its own floor). */
    synchronized long idleWatermark(long checkedAt, long maxDelay, long idleTimeout) {
      Map.Entry<Long, Long> newestThen = newestSince.floorEntry(checkedAt);
      if (newestThen == null) {
        return Long.MIN_VALUE;
      }
      long watermark = newestThen.getValue() - maxDelay;
      if (allIdleSince != Long.MIN_VALUE) {
        long wallNow = now.getAsLong();
        long idleFor = wallNow - allIdleSince;
        if (idleFor > idleTimeout) {
          watermark = Math.max(watermark, Math.min(watermark + idleFor - idleTimeout, wallNow - maxDelay));
        }
      }
      return watermark;
    }
  }

  private static final class PartitionPolicy<K, V> extends TimestampPolicy<K, V> {
    private final TopicPartition tp;
    private final Shared shared;
    private final long maxDelay;
    private final long idleTimeout;
    private long newestEventTime = Long.MIN_VALUE;
    private long watermark;

    PartitionPolicy(TopicPartition tp, Shared shared, long maxDelay, long idleTimeout, long startWatermark) {
      this.tp = tp;
      this.shared = shared;
      this.maxDelay = maxDelay;
      this.idleTimeout = idleTimeout;
      this.watermark = startWatermark;
      shared.register(tp);
    }

    @Override
    public Instant getTimestampForRecord(PartitionContext ctx, KafkaRecord<K, V> record) {
      long timestamp = record.getTimestamp();
      if (timestamp < 0) {
        timestamp = newestEventTime != Long.MIN_VALUE ? newestEventTime : Math.max(watermark, 0);
      }
      newestEventTime = Math.max(newestEventTime, timestamp);
      shared.seen(tp, timestamp);
      return new Instant(timestamp);
    }

    @Override
    public Instant getWatermark(PartitionContext ctx) {
      boolean idle = ctx.getMessageBacklog() == 0;
      shared.setIdle(tp, idle);
      long candidate = idle
          ? shared.idleWatermark(ctx.getBacklogCheckTime().getMillis(), maxDelay, idleTimeout)
          : newestEventTime == Long.MIN_VALUE ? Long.MIN_VALUE : newestEventTime - maxDelay;
      watermark = Math.max(watermark, Math.max(candidate, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()));
      watermark = Math.min(watermark, BoundedWindow.TIMESTAMP_MAX_VALUE.getMillis());
      return new Instant(watermark);
    }
  }
}
