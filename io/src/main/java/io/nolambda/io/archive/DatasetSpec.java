package io.nolambda.io.archive;

import io.nolambda.io.cassandra.ServingTables;
import java.io.Serializable;

/**
 * One version of a dataset: its columns, which column holds the event time (INT64 epoch millis)
 * and which the event id (STRING, used for sharding and for de-duplication on read), how many
 * shards and how long a time bucket is. Shards and bucket length are fixed by the first version.
 */
public record DatasetSpec(
    String dataset, int version, ArchiveSchema schema, String timeColumn, String idColumn,
    int shards, long bucketMillis) implements Serializable {

  public DatasetSpec {
    ServingTables.checkIdentifier(dataset);
    ArchiveSchema.Column time = schema.require(timeColumn);
    ArchiveSchema.Column id = schema.require(idColumn);
    if (time.type() != ColumnType.INT64 || time.nullable()) {
      throw new IllegalArgumentException("time column '" + timeColumn + "' must be a non-null INT64 (epoch millis)");
    }
    if (id.type() != ColumnType.STRING || id.nullable()) {
      throw new IllegalArgumentException("id column '" + idColumn + "' must be a non-null STRING");
    }
    if (shards < 1 || shards > 1024) {
      throw new IllegalArgumentException("shards must be 1 to 1024");
    }
    if (bucketMillis < 1000) {
      throw new IllegalArgumentException("bucketMillis must be at least 1000");
    }
  }

  /** Shard of an event: String.hashCode is specified by the JLS, so stable across JVMs. */
  public int shardOf(String eventId) {
    return Math.floorMod(eventId.hashCode(), shards);
  }

  /** Start (epoch millis) of the time bucket holding this event time. */
  public long bucketOf(long eventTime) {
    return Math.floorDiv(eventTime, bucketMillis) * bucketMillis;
  }
}
