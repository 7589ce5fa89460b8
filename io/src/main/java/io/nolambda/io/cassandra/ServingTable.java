package io.nolambda.io.cassandra;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;

/**
 * A serving table described by the Beam schema of its rows: the columns are the schema's fields
 * (DESIGN.md column names), the primary key is (partition key columns, clustering columns), so an
 * upsert of the same (entity, window) overwrites. Optional time-to-live for short-term tables.
 */
public record ServingTable(
    String name, Schema schema, List<String> partitionKey, List<String> clustering, boolean newestFirst,
    int ttlSeconds) implements Serializable {

  private static final Map<Schema.TypeName, String> CQL_TYPES = Map.of(
      Schema.TypeName.STRING, "text",
      Schema.TypeName.INT64, "bigint",
      Schema.TypeName.INT32, "int",
      Schema.TypeName.DOUBLE, "double",
      Schema.TypeName.BOOLEAN, "boolean");

  public ServingTable {
    ServingTables.checkIdentifier(name);
    partitionKey = List.copyOf(partitionKey);
    clustering = List.copyOf(clustering);
    if (partitionKey.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " needs a partition key");
    }
    for (Schema.Field field : schema.getFields()) {
      ServingTables.checkIdentifier(field.getName());
      if (!CQL_TYPES.containsKey(field.getType().getTypeName())) {
        throw new IllegalArgumentException("column " + field.getName() + " of " + name + " has type "
            + field.getType().getTypeName() + ", which serving tables do not map");
      }
    }
    List<String> key = new ArrayList<>(partitionKey);
    key.addAll(clustering);
    key.forEach(schema::getField); // throws naming the column when the key is not in the schema
  }

  /** A table keyed by the partition key columns, then the clustering columns (ascending). */
  public static ServingTable of(String name, Schema schema, List<String> partitionKey, List<String> clustering) {
    return new ServingTable(name, schema, partitionKey, clustering, false, 0);
  }

  /** Clustering columns sorted descending: the newest window first, as dashboards read it. */
  public ServingTable withNewestFirst() {
    return new ServingTable(name, schema, partitionKey, clustering, true, ttlSeconds);
  }

  /** Rows expire this long after they were written. */
  public ServingTable withTtlSeconds(int seconds) {
    return new ServingTable(name, schema, partitionKey, clustering, newestFirst, seconds);
  }

  public String ddl() {
    String columns = schema.getFields().stream()
        .map(f -> f.getName() + " " + CQL_TYPES.get(f.getType().getTypeName()))
        .collect(Collectors.joining(", "));
    String key = "(" + String.join(", ", partitionKey) + ")"
        + (clustering.isEmpty() ? "" : ", " + String.join(", ", clustering));
    List<String> options = new ArrayList<>();
    if (!clustering.isEmpty()) {
      String order = newestFirst ? " DESC" : " ASC";
      options.add("CLUSTERING ORDER BY (" + clustering.stream().map(c -> c + order).collect(Collectors.joining(", ")) + ")");
    }
    if (ttlSeconds > 0) {
      options.add("default_time_to_live = " + ttlSeconds);
    }
    return "CREATE TABLE IF NOT EXISTS " + name + " (" + columns + ", PRIMARY KEY (" + key + "))"
        + (options.isEmpty() ? "" : " WITH " + String.join(" AND ", options));
  }

  /** The upsert every row becomes. */
  public String insert() {
    List<String> names = schema.getFieldNames();
    return "INSERT INTO " + name + " (" + String.join(", ", names) + ") VALUES ("
        + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
  }
}
