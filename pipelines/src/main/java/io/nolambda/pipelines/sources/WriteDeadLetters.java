package io.nolambda.pipelines.sources;

import io.nolambda.io.DeadLetter;
import io.nolambda.io.files.WriteDeadLetterFiles;
import io.nolambda.io.kafka.WriteDeadLettersToKafka;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/** Sends dead letters where the source's go: the dead-letters topic for Kafka, files for files. */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PDone> {
  private final SourceOptions options;
  private final String origin;

  private WriteDeadLetters(SourceOptions options, String origin) {
    this.options = options;
    this.origin = origin;
  }

  /** @param origin the step that rejected the input (names the dead-letter files) */
  public static WriteDeadLetters of(SourceOptions options, String origin) {
    return new WriteDeadLetters(options, origin);
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    return options.getSource().equals("kafka")
        ? deadLetters.apply("To Kafka", WriteDeadLettersToKafka.of(options))
        : deadLetters.apply("To files", WriteDeadLetterFiles.to(options.getDeadLetterDir(), origin));
  }
}
