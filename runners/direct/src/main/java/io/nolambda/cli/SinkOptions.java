package io.nolambda.cli;

import picocli.CommandLine.Option;

/** Destination options shared by {@code simulate} and {@code import}. */
final class SinkOptions {
  @Option(names = "--to", defaultValue = "kafka", description = "kafka or file:PATH (JSON lines); default ${DEFAULT-VALUE}")
  String to;

  @Option(names = "--kafka-bootstrap", defaultValue = "127.0.0.1:9092", description = "default ${DEFAULT-VALUE}")
  String kafkaBootstrap;

  @Option(names = "--topic-prefix", defaultValue = "", description = "prefix of the event topics")
  String topicPrefix;

  EventSink open() {
    return EventSink.open(to, kafkaBootstrap, topicPrefix);
  }
}
