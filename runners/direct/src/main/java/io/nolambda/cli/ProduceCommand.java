package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import io.nolambda.io.kafka.ProduceEvents;
import io.nolambda.io.kafka.TopicAdmin;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nolambda produce}: the simulated city (default) or a real data set ({@code --dataset}) to the Kafka topics, with the
 * schemas registered first, topics created with retention off (replayed history must not expire),
 * a progress bar and a summary.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Send the simulated city or a real data set to the Kafka event topics.")
final class ProduceCommand implements Callable<Integer> {
  @Mixin DataSetInput input = new DataSetInput();

  @Mixin SimulatorOptions city = new SimulatorOptions();

  @Option(names = "--kafka-bootstrap", defaultValue = "127.0.0.1:9092", description = "default ${DEFAULT-VALUE}")
  String kafkaBootstrap;

  @Option(names = "--topic-prefix", defaultValue = "", description = "prefix of the event topics")
  String topicPrefix;

  @Option(names = "--partitions", defaultValue = "4", description = "partitions of topics created now; default ${DEFAULT-VALUE}")
  int partitions;

  @Override
  public Integer call() throws IOException {
    ProduceEvents produce = ProduceEvents.to(kafkaBootstrap).topicPrefix(topicPrefix)
        .createTopics(partitions, TopicAdmin.RETAIN_FOREVER);
    ProduceEvents.Summary summary;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("produce").setUnit(" events", 1)
        .showSpeed().setInitialMax(-1).continuousUpdate().build()) {
      produce = produce.onProgress(p -> bar.stepTo(p.events()), Duration.ofMillis(200));
      if (input.given()) {
        try (Stream<CityEvent> events = input.events()) {
          summary = produce.send(events::iterator);
        }
      } else {
        summary = produce.send(city.simulator());
      }
    }
    System.out.println(summary);
    if (input.rejected.get() > 0) {
      System.out.printf("%,d rows of %s were rejected (listed above)%n", input.rejected.get(), input.dataset);
    }
    return input.rejected.get() == 0 ? 0 : 1;
  }
}
