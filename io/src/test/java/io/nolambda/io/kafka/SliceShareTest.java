package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SliceShareTest {
  private static Map<TopicPartition, Long> available(long... counts) {
    Map<TopicPartition, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      m.put(new TopicPartition("t", i), counts[i]);
    }
    return m;
  }

  @Test
  void sharesInProportionNeverMoreThanAPartitionHas() {
    Map<TopicPartition, Long> share = ReadCityEvents.share(available(1000, 10, 0, 90), 101);
    assertThat(share.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(101);
    assertThat(share.get(new TopicPartition("t", 2))).isZero();
    assertThat(share.get(new TopicPartition("t", 1))).isLessThanOrEqualTo(10);
    assertThat(share.get(new TopicPartition("t", 0))).isBetween(90L, 92L);
  }

  @Test
  void moreThanAvailableReadsEverything() {
    assertThat(ReadCityEvents.share(available(3, 0, 7), 1000)).isEqualTo(available(3, 0, 7));
  }
}
