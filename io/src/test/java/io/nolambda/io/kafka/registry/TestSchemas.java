package io.nolambda.io.kafka.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/** Variants of a record schema for evolution tests. */
public final class TestSchemas {
  private TestSchemas() {}

  /** The record with one more field at the end; with {@code nullDefault} its default is null. */
  public static Schema withField(Schema record, String name, Schema type, boolean nullDefault) {
    List<Schema.Field> fields = copy(record, null);
    fields.add(new Schema.Field(name, type, null, nullDefault ? JsonProperties.NULL_VALUE : null));
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }

  /** The record without one field. */
  public static Schema withoutField(Schema record, String name) {
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, copy(record, name));
  }

  private static List<Schema.Field> copy(Schema record, String skip) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      if (!f.name().equals(skip)) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return fields;
  }
}
