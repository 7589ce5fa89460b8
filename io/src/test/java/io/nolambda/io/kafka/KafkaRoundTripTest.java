package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithLocalServices
class KafkaRoundTripTest {
  private static final int EVENTS = 100_000;

  @Test
  void hundredThousandSimulatedEventsComeBackExactlyOnceWithTheSameContent(ServiceEndpoints services) {
    String prefix = KafkaTestSupport.prefix("roundtrip");
    Map<String, Long> expected = new HashMap<>();
    Iterable<CityEvent> events = KafkaTestSupport.simulated(EVENTS, 11);
    for (CityEvent e : events) {
      expected.put(CityEvents.eventId(e), KafkaTestSupport.contentHash(e));
    }
    List<ProduceEvents.Progress> progress = new ArrayList<>();

    ProduceEvents.Summary sent = ProduceEvents.to(services.kafkaBootstrap())
        .topicPrefix(prefix)
        .createTopics(3, TopicAdmin.RETAIN_FOREVER)
        .onProgress(progress::add, Duration.ofMillis(200))
        .send(events);
    System.out.printf("produce: %s%n", sent);

    assertThat(sent.events()).isEqualTo(EVENTS);
    assertThat(sent.eventsByKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
    assertThat(sent.eventsByKind()).containsOnlyKeys(EventTopics.kinds());
    assertThat(sent.schemas()).containsOnlyKeys(EventTopics.kinds());
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).events()).isEqualTo(EVENTS);

    KafkaOptions options = KafkaTestSupport.options(services.kafkaBootstrap(), prefix, prefix + "group");
    KafkaTestSupport.Received read = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).upToCurrentEnd());
    System.out.printf("read: %,d events in %.1f s (%,.0f events/s, DirectRunner, bounded, 12 partitions)%n",
        read.events.get(), read.seconds, read.eventsPerSecond());

    assertThat(read.deadLetters).isZero();
    assertThat(read.duplicates.get()).isZero();
    assertThat(read.events.get()).isEqualTo(EVENTS);
    assertThat(read.hashById).isEqualTo(expected);

    // the offsets were committed: the same group has nothing left to read
    KafkaTestSupport.Received again = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).upToCurrentEnd());
    assertThat(again.events.get()).isZero();
  }
}
