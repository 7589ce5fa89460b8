package io.nolambda.io.kafka.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * How a new schema of a subject must relate to every earlier version (transitively, like
 * Confluent's *_TRANSITIVE levels), checked with Avro's {@link SchemaCompatibility}.
 */
public enum Compatibility {
  /** The new schema reads data written with every earlier version: consumers upgrade first. */
  BACKWARD,
  /** Every earlier version reads data written with the new schema: producers upgrade first. */
  FORWARD,
  /** Both: upgrade in any order. */
  FULL,
  /** No check. */
  NONE;

  /**
   * The problems of registering {@code candidate} after {@code earlier}, each naming the field,
   * the Avro incompatibility and the version it clashes with; empty when it may be registered.
   */
  public List<String> problems(Schema candidate, List<SchemaVersion> earlier) {
    List<String> problems = new ArrayList<>();
    for (SchemaVersion old : earlier) {
      if (this == BACKWARD || this == FULL) {
        check(candidate, old.schema(), "new schema cannot read data written with version " + old.version(), problems);
      }
      if (this == FORWARD || this == FULL) {
        check(old.schema(), candidate, "version " + old.version() + " cannot read data written with the new schema", problems);
      }
    }
    return problems;
  }

  private static void check(Schema reader, Schema writer, String direction, List<String> problems) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility i : result.getResult().getIncompatibilities()) {
      problems.add(direction + ": field " + fieldAt(reader, i.getLocation()) + ": " + i.getType()
          + " (" + i.getMessage() + ") at " + i.getLocation());
    }
  }

  /**
   * The dotted field path (e.g. {@code BusPosition.lat}) that an incompatibility location (a JSON
   * pointer into the reader schema such as {@code /fields/6/type}) points at.
   */
  static String fieldAt(Schema reader, String location) {
    StringBuilder path = new StringBuilder(reader.getName());
    Schema current = reader;
    String[] steps = location.split("/");
    try {
      for (int i = 1; i < steps.length; i++) {
        String step = steps[i];
        if (step.equals("fields") && i + 1 < steps.length && current.getType() == Schema.Type.RECORD) {
          Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
          path.append('.').append(field.name());
          current = field.schema();
        } else if (step.equals("items") && current.getType() == Schema.Type.ARRAY) {
          current = current.getElementType();
          path.append("[]");
        } else if (step.equals("values") && current.getType() == Schema.Type.MAP) {
          current = current.getValueType();
          path.append("{}");
        } else if (current.getType() == Schema.Type.UNION && step.matches("\\d+")) {
          current = current.getTypes().get(Integer.parseInt(step));
        }
      }
    } catch (RuntimeException e) {
      return path + " (location " + location + ")";
    }
    return path.toString();
  }
}
