package io.nolambda.io.archive;

import io.nolambda.io.cassandra.ServingTables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The columns of a dataset, in order. Column names are validated as CQL identifiers because they
 * become clustering values and stats keys; stored in Cassandra as {@code name:TYPE:nullable,...}.
 */
public record ArchiveSchema(List<Column> columns) implements Serializable {

  /** One column: name, value type and whether nulls are allowed. */
  public record Column(String name, ColumnType type, boolean nullable) implements Serializable {
    public Column {
      ServingTables.checkIdentifier(name);
    }
  }

  public ArchiveSchema {
    columns = List.copyOf(columns);
    if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
      throw new IllegalArgumentException("duplicate column names in " + columns);
    }
  }

  public static ArchiveSchema fromBeam(Schema schema) {
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      columns.add(new Column(field.getName(), ColumnType.of(field.getType()), field.getType().getNullable()));
    }
    return new ArchiveSchema(columns);
  }

  public Schema toBeam() {
    Schema.Builder builder = Schema.builder();
    for (Column c : columns) {
      builder.addField(Schema.Field.of(c.name(), c.type().beamType().withNullable(c.nullable())));
    }
    return builder.build();
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Column require(String name) {
    return column(name).orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in " + names()));
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /** Only the named columns, in the order given. */
  public ArchiveSchema project(List<String> names) {
    return new ArchiveSchema(names.stream().map(this::require).toList());
  }

  /**
   * Checks that {@code next} only adds nullable columns to this schema (existing columns keep
   * name, type and nullability), so chunks written under this schema stay readable with nulls.
   */
  public void checkEvolvesTo(ArchiveSchema next) {
    Map<String, Column> after = new LinkedHashMap<>();
    next.columns.forEach(c -> after.put(c.name(), c));
    for (Column c : columns) {
      Column now = after.get(c.name());
      if (now == null) {
        throw new IllegalArgumentException("column '" + c.name() + "' cannot be dropped from a dataset");
      }
      if (!now.equals(c)) {
        throw new IllegalArgumentException("column '" + c.name() + "' cannot change from " + c + " to " + now);
      }
    }
    for (Column c : next.columns) {
      if (column(c.name()).isEmpty() && !c.nullable()) {
        throw new IllegalArgumentException("added column '" + c.name() + "' must be nullable (old chunks read it as null)");
      }
    }
  }

  public String encode() {
    StringBuilder out = new StringBuilder();
    for (Column c : columns) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(c.name()).append(':').append(c.type()).append(':').append(c.nullable());
    }
    return out.toString();
  }

  public static ArchiveSchema parse(String text) {
    List<Column> columns = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] f = part.split(":");
      columns.add(new Column(f[0], ColumnType.valueOf(f[1]), Boolean.parseBoolean(f[2])));
    }
    return new ArchiveSchema(columns);
  }
}
