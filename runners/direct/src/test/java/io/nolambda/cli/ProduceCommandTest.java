package io.nolambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code nolambda produce} against the real local Kafka. */
@WithLocalServices
class ProduceCommandTest {

  @Test
  void producesEveryEventOfARealDataSet(ServiceEndpoints services) {
    int exit = new CommandLine(new NoLambdaCli()).execute("produce", "--dataset=incidents",
        "--kafka-bootstrap=" + services.kafkaBootstrap(), "--topic-prefix=cli-", "--partitions=3");

    assertThat(exit).isZero();
    // 924 service requests opened, 480 of them closed within the extract
    assertThat(recordsIn(services, "cli-city-incidents", 3)).isEqualTo(924 + 480);
  }

  private static long recordsIn(ServiceEndpoints services, String topic, int partitions) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
          .mapToObj(p -> new TopicPartition(topic, p)).toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(all);
      return end.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
