package io.nolambda.pipelines.sources;

import io.nolambda.io.DeadLetter;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.transforms.InvalidEvent;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Turns events a transform refused (decoded fine, but unusable for its metric: no coordinates,
 * capacity 0, ...) into dead letters, so they reach the same place as the source's.
 */
public final class InvalidEventsToDeadLetters extends PTransform<PCollection<InvalidEvent>, PCollection<DeadLetter>> {
  private final String transform;

  private InvalidEventsToDeadLetters(String transform) {
    this.transform = transform;
  }

  /** @param transform the refusing transform's name, kept as the dead letter's source */
  public static InvalidEventsToDeadLetters from(String transform) {
    return new InvalidEventsToDeadLetters(transform);
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<InvalidEvent> invalid) {
    String source = transform;
    return invalid.apply("To dead letters", MapElements.into(TypeDescriptor.of(DeadLetter.class))
        .via(e -> new DeadLetter(DeadLetterReason.INVALID_VALUE.name(),
            e.getKind() + " " + e.getEventId() + ": " + e.getReason(), source, 0, -1,
            e.getEventId().getBytes(StandardCharsets.UTF_8))));
  }
}
