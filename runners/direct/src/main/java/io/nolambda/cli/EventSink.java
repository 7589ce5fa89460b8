package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import io.nolambda.events.EventJson;
import io.nolambda.io.kafka.CityEventProducer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code simulate} and {@code import} send events: Kafka topics or a JSON-lines file. */
interface EventSink extends AutoCloseable {
  void accept(CityEvent event);

  @Override
  void close();

  /** {@code kafka} or {@code file:PATH}. */
  static EventSink open(String to, String kafkaBootstrap, String topicPrefix) {
    if (to.equals("kafka")) {
      CityEventProducer producer = new CityEventProducer(kafkaBootstrap, topicPrefix);
      return new EventSink() {
        @Override
        public void accept(CityEvent event) {
          producer.send(event);
        }

        @Override
        public void close() {
          producer.close();
        }
      };
    }
    if (to.startsWith("file:")) {
      try {
        BufferedWriter writer = Files.newBufferedWriter(Path.of(to.substring("file:".length())));
        return new EventSink() {
          @Override
          public void accept(CityEvent event) {
            try {
              writer.write(EventJson.encode(event));
              writer.newLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void close() {
            try {
              writer.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalArgumentException("--to=" + to + ": use 'kafka' or 'file:PATH'");
  }
}
