package io.nolambda.io.archive;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.beam.sdk.values.Row;

/**
 * Flat Avro records as archive rows and back: string, long, int, double and boolean fields map
 * to the column type of the same name, enums to STRING (their symbol), {@code ["null", T]} unions
 * to nullable columns. Nested records, arrays and maps are refused.
 */
public final class AvroRows {
  private AvroRows() {}

  public static ArchiveSchema schema(Schema avro) {
    List<ArchiveSchema.Column> columns = new ArrayList<>();
    for (Schema.Field field : avro.getFields()) {
      Schema type = field.schema();
      boolean nullable = false;
      if (type.getType() == Schema.Type.UNION) {
        List<Schema> branches = type.getTypes();
        if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
          throw new IllegalArgumentException("field " + field.name() + ": only [\"null\", T] unions are archived");
        }
        nullable = true;
        type = branches.get(1);
      }
      columns.add(new ArchiveSchema.Column(field.name(), columnType(field.name(), type), nullable));
    }
    return new ArchiveSchema(columns);
  }

  private static ColumnType columnType(String name, Schema type) {
    return switch (type.getType()) {
      case STRING, ENUM -> ColumnType.STRING;
      case LONG -> ColumnType.INT64;
      case INT -> ColumnType.INT32;
      case DOUBLE -> ColumnType.DOUBLE;
      case BOOLEAN -> ColumnType.BOOLEAN;
      default -> throw new IllegalArgumentException("field " + name + " of type " + type + " cannot be archived");
    };
  }

  /** A record as a row of {@code schema.toBeam()} (same field names). */
  public static Row toRow(IndexedRecord record, org.apache.beam.sdk.schemas.Schema beamSchema) {
    Schema avro = record.getSchema();
    List<Object> values = new ArrayList<>();
    for (org.apache.beam.sdk.schemas.Schema.Field f : beamSchema.getFields()) {
      Schema.Field field = avro.getField(f.getName());
      Object v = field == null ? null : record.get(field.pos());
      if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof GenericData.EnumSymbol) {
        v = v.toString();
      }
      values.add(v);
    }
    return Row.withSchema(beamSchema).addValues(values).build();
  }

  /**
   * A row back as a record of {@code avro}: a specific record when the class is on the
   * classpath, else a generic one. Fields the row lacks take their defaults.
   */
  public static GenericRecord toRecord(Row row, Schema avro) {
    SpecificData data = SpecificData.get();
    GenericRecord record = (GenericRecord) data.newRecord(null, avro);
    for (Schema.Field field : avro.getFields()) {
      Object v = row.getSchema().hasField(field.name()) ? row.getValue(field.name()) : data.getDefaultValue(field);
      Schema type = field.schema();
      if (type.getType() == Schema.Type.UNION) {
        type = type.getTypes().get(1);
      }
      if (v != null && type.getType() == Schema.Type.ENUM) {
        v = data.createEnum(v.toString(), type);
      }
      record.put(field.pos(), v);
    }
    return record;
  }
}
