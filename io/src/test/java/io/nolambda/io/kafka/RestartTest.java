package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bounded slices with one consumer group: each read resumes exactly where the last one stopped. */
@WithLocalServices
class RestartTest {
  @Test
  void readingInSlicesWithTheSameGroupHasNoGapAndNoDuplicate(ServiceEndpoints services) {
    String bootstrap = services.kafkaBootstrap();
    String prefix = KafkaTestSupport.prefix("restart");
    List<CityEvent> events = new ArrayList<>();
    KafkaTestSupport.simulated(23_000, 31).forEach(events::add);
    ProduceEvents produce = ProduceEvents.to(bootstrap).topicPrefix(prefix).createTopics(3, TopicAdmin.RETAIN_FOREVER);
    produce.send(events.subList(0, 20_000)); // partitions very unbalanced: 96 % are asset events

    KafkaOptions options = KafkaTestSupport.options(bootstrap, prefix, prefix + "group");
    Map<String, Integer> seen = new HashMap<>();
    KafkaTestSupport.Received first = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).withMaxNumRecords(7_000));
    KafkaTestSupport.Received second = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).withMaxNumRecords(5_000));
    produce.send(events.subList(20_000, 23_000)); // more arrive while the pipeline is stopped
    KafkaTestSupport.Received rest = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).upToCurrentEnd());
    KafkaTestSupport.Received nothing = KafkaTestSupport.run(options, ReadCityEvents.of(options, EventTopics.kinds()).upToCurrentEnd());
    System.out.printf("restart: slices of %,d, %,d, %,d and %,d events%n",
        first.events.get(), second.events.get(), rest.events.get(), nothing.events.get());

    assertThat(first.events.get()).isEqualTo(7_000);
    assertThat(second.events.get()).isEqualTo(5_000);
    assertThat(rest.events.get()).isEqualTo(11_000);
    assertThat(nothing.events.get()).isZero();
    for (KafkaTestSupport.Received r : List.of(first, second, rest)) {
      assertThat(r.duplicates.get()).isZero();
      r.hashById.keySet().forEach(id -> seen.merge(id, 1, Integer::sum));
    }
    assertThat(seen).hasSize(events.size()).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(events.stream().map(CityEvents::eventId).toList());
  }
}
