package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watermark rules of {@link EventTimePolicy}, on a fake clock. */
class EventTimePolicyTest {
  /** Wall clock of each test instance (the factory must be serializable, so it looks it up). */
  private static final Map<String, AtomicLong> CLOCKS = new ConcurrentHashMap<>();
  private static final long NOW = 1_800_000_000_000L;        // "today"
  private static final long HISTORY = 1_400_000_000_000L;    // replayed data, years ago
  private static final Duration DELAY = Duration.standardSeconds(5);
  private static final Duration IDLE = Duration.standardSeconds(10);

  private final String id = java.util.UUID.randomUUID().toString();
  private EventTimePolicy<byte[], byte[]> factory;
  private TimestampPolicy<byte[], byte[]> p0;
  private TimestampPolicy<byte[], byte[]> p1;

  @BeforeEach
  void policies() {
    CLOCKS.put(id, new AtomicLong(NOW));
    String key = id;
    factory = EventTimePolicy.withClock(DELAY, IDLE, v -> CLOCKS.get(key).get());
    p0 = factory.createTimestampPolicy(new TopicPartition("t", 0), Optional.empty());
    p1 = factory.createTimestampPolicy(new TopicPartition("t", 1), Optional.empty());
  }

  /** A partition's backlog as KafkaIO measured it now (on the fake clock). */
  private TimestampPolicy.PartitionContext backlog(long messages) {
    return backlog(messages, CLOCKS.get(id).get());
  }

  private static TimestampPolicy.PartitionContext backlog(long messages, long checkedAt) {
    return new TimestampPolicy.PartitionContext() {
      @Override
      public long getMessageBacklog() {
        return messages;
      }

      @Override
      public Instant getBacklogCheckTime() {
        return new Instant(checkedAt);
      }
    };
  }

  private Instant read(TimestampPolicy<byte[], byte[]> policy, long timestamp) {
    return policy.getTimestampForRecord(backlog(100),
        new KafkaRecord<>("t", 0, 0, timestamp, KafkaTimestampType.CREATE_TIME, null, new byte[0], new byte[0]));
  }

  private static long min(Instant a, Instant b) {
    return Math.min(a.getMillis(), b.getMillis());
  }

  private void sleep(long millis) {
    CLOCKS.get(id).addAndGet(millis);
  }

  @Test
  void eventTimeIsTheRecordTimestamp() {
    assertThat(read(p0, HISTORY)).isEqualTo(new Instant(HISTORY));
  }

  @Test
  void anIdlePartitionDoesNotHoldTheWatermarkBack() {
    read(p0, HISTORY);
    read(p0, HISTORY + 60_000);
    // partition 1 has never had a record and has nothing to read
    long watermark = min(p0.getWatermark(backlog(1_000)), p1.getWatermark(backlog(0)));
    assertThat(watermark).isEqualTo(HISTORY + 60_000 - DELAY.getMillis());
  }

  @Test
  void anIdlePartitionAdvancesOnlyToWhatOtherPartitionsHadDeliveredWhenItsBacklogWasChecked() {
    read(p0, HISTORY);
    long checked = CLOCKS.get(id).get();
    sleep(1_000);
    // a second later partition 1 delivers five minutes of a fast replay; partition 0's backlog of 0
    // is from the check before, so records that reached it since may be as old as those
    read(p1, HISTORY + 300_000);
    long watermark = min(p0.getWatermark(backlog(0, checked)), p1.getWatermark(backlog(10)));
    assertThat(watermark).isEqualTo(HISTORY - DELAY.getMillis());
    // checked again after partition 1's records: now nothing older can still reach partition 0
    sleep(1_000);
    assertThat(p0.getWatermark(backlog(0)).getMillis()).isEqualTo(HISTORY + 300_000 - DELAY.getMillis());
  }

  @Test
  void aPartitionWithBacklogHoldsTheWatermarkAtItsOwnEventTime() {
    read(p0, HISTORY + 600_000);
    read(p1, HISTORY);
    long watermark = min(p0.getWatermark(backlog(0)), p1.getWatermark(backlog(500)));
    assertThat(watermark).isEqualTo(HISTORY - DELAY.getMillis());
  }

  @Test
  void catchingUpWithAReplayDoesNotJumpToWallClockNow() {
    read(p0, HISTORY);
    read(p1, HISTORY + 1_000);
    sleep(IDLE.getMillis() - 1); // both partitions caught up, the producer pauses (less than the idle timeout)
    p0.getWatermark(backlog(0));
    p1.getWatermark(backlog(0));
    sleep(IDLE.getMillis() - 1);
    long watermark = min(p0.getWatermark(backlog(0)), p1.getWatermark(backlog(0)));
    assertThat(watermark).isEqualTo(HISTORY + 1_000 - DELAY.getMillis());
    // the replay goes on: a record a little older than the newest is still on time
    assertThat(read(p0, HISTORY + 500).getMillis()).isGreaterThan(watermark);
  }

  @Test
  void aSourceIdleLongerThanTheTimeoutAdvancesAtWallClockPaceNeverPastNow() {
    read(p0, HISTORY);
    p0.getWatermark(backlog(0));
    p1.getWatermark(backlog(0));
    sleep(IDLE.getMillis() + 30_000);
    long watermark = min(p0.getWatermark(backlog(0)), p1.getWatermark(backlog(0)));
    assertThat(watermark).isEqualTo(HISTORY - DELAY.getMillis() + 30_000);

    // live data (event time = wall clock): it follows the wall clock, timeout behind, never past now - delay
    long now = CLOCKS.get(id).get();
    read(p0, now);
    p0.getWatermark(backlog(0));
    sleep(IDLE.getMillis() + 1_000_000);
    watermark = min(p0.getWatermark(backlog(0)), p1.getWatermark(backlog(0)));
    assertThat(watermark).isEqualTo(now - DELAY.getMillis() + 1_000_000);
    // a producer clock running ahead: the idle advance stops at now - delay
    now = CLOCKS.get(id).get();
    read(p0, now + 30_000);
    p0.getWatermark(backlog(0));
    sleep(IDLE.getMillis() + 60_000);
    assertThat(min(p0.getWatermark(backlog(0)), p1.getWatermark(backlog(0))))
        .isEqualTo(CLOCKS.get(id).get() - DELAY.getMillis());
  }

  @Test
  void newDataEndsTheIdleAdvanceAndTheWatermarkNeverGoesBack() {
    read(p0, HISTORY);
    p0.getWatermark(backlog(0));
    p1.getWatermark(backlog(0));
    sleep(IDLE.getMillis() + 20_000);
    Instant advanced = p0.getWatermark(backlog(0));
    read(p0, HISTORY + 1);
    assertThat(p0.getWatermark(backlog(10))).isEqualTo(advanced);
  }

  @Test
  void readersRecreatedFromADeserializedFactoryKeepTheIdleClock() {
    // Spark re-creates readers (and deserializes the factory) for every micro-batch
    read(p0, HISTORY);
    Instant w0 = p0.getWatermark(backlog(0));
    p1.getWatermark(backlog(0));
    sleep(IDLE.getMillis());
    EventTimePolicy<byte[], byte[]> copy = org.apache.beam.sdk.util.SerializableUtils.clone(factory);
    TimestampPolicy<byte[], byte[]> q0 = copy.createTimestampPolicy(new TopicPartition("t", 0), Optional.of(w0));
    TimestampPolicy<byte[], byte[]> q1 = copy.createTimestampPolicy(new TopicPartition("t", 1), Optional.of(w0));
    sleep(20_000);
    assertThat(min(q0.getWatermark(backlog(0)), q1.getWatermark(backlog(0))))
        .isEqualTo(HISTORY - DELAY.getMillis() + 20_000);
  }

  @Test
  void aRestoredPartitionStartsFromItsCheckpointedWatermark() {
    TimestampPolicy<byte[], byte[]> restored = EventTimePolicy.<byte[], byte[]>of(DELAY, IDLE)
        .createTimestampPolicy(new TopicPartition("t", 0), Optional.of(new Instant(HISTORY)));
    assertThat(restored.getWatermark(backlog(BoundedWindowUnknown.UNKNOWN))).isEqualTo(new Instant(HISTORY));
    assertThat(EventTimePolicy.<byte[], byte[]>of(DELAY, IDLE)
        .createTimestampPolicy(new TopicPartition("t", 0), Optional.empty()).getWatermark(backlog(-1)))
        .isEqualTo(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  private static final class BoundedWindowUnknown {
    static final long UNKNOWN = -1;
  }
}
