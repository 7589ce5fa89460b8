package io.nolambda.io.kafka.registry;

import java.util.List;

/** A schema that the subject's {@link Compatibility} level refuses, with every problem found. */
public final class IncompatibleSchemaException extends RuntimeException {
  private final String subject;
  private final List<String> problems;

  public IncompatibleSchemaException(String subject, Compatibility level, String schemaName, List<String> problems) {
    super("schema " + schemaName + " is not " + level + " compatible with subject " + subject + ": "
        + String.join("; ", problems));
    this.subject = subject;
    this.problems = List.copyOf(problems);
  }

  public String subject() {
    return subject;
  }

  /** One line per incompatibility, each naming the field. */
  public List<String> problems() {
    return problems;
  }
}
