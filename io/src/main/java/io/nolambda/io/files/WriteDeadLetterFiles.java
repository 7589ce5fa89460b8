package io.nolambda.io.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nolambda.io.DeadLetter;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes dead letters of a bounded run as JSON lines (reason, detail, source, partition, offset,
 * payload in base64) under a directory, so a user can see and replay what was rejected.
 */
public final class WriteDeadLetterFiles extends PTransform<PCollection<DeadLetter>, PDone> {
  private final String directory;
  private final String origin;

  private WriteDeadLetterFiles(String directory, String origin) {
    this.directory = directory;
    this.origin = origin;
  }

  /**
   * @param origin names the step that rejected the input; it prefixes the files, so that several
   *     steps of one pipeline can write dead letters to the same directory
   */
  public static WriteDeadLetterFiles to(String directory, String origin) {
    return new WriteDeadLetterFiles(directory, origin);
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters
        .apply("To JSON", MapElements.into(TypeDescriptors.strings()).via(WriteDeadLetterFiles::toJson))
        .apply("Write", TextIO.write().to(directory + "/" + origin + "-dead-letters").withSuffix(".jsonl"));
  }

  static String toJson(DeadLetter d) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("reason", d.reason);
    node.put("detail", d.detail);
    node.put("source", d.source);
    node.put("partition", d.partition);
    node.put("offset", d.offset);
    node.put("payload", d.payload);
    return node.toString();
  }
}
