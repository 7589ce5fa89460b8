package io.nolambda.io.archive;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/** The value types an archive column can hold; each has its own encoding (see {@link ColumnCodec}). */
public enum ColumnType {
  INT32(FieldType.INT32),
  INT64(FieldType.INT64),
  DOUBLE(FieldType.DOUBLE),
  STRING(FieldType.STRING),
  BOOLEAN(FieldType.BOOLEAN);

  private final FieldType beamType;

  ColumnType(FieldType beamType) {
    this.beamType = beamType;
  }

  public FieldType beamType() {
    return beamType;
  }

  /** The archive type of a Beam field type; only the five plain types above are archived. */
  public static ColumnType of(FieldType type) {
    TypeName name = type.getTypeName();
    for (ColumnType t : values()) {
      if (t.beamType.getTypeName() == name) {
        return t;
      }
    }
    throw new IllegalArgumentException("type " + type + " cannot be archived: use INT32, INT64, DOUBLE, STRING or BOOLEAN");
  }
}
