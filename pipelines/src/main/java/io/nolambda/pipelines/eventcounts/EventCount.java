package io.nolambda.pipelines.eventcounts;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;

/**
 * One serving row: how many distinct events of a kind fell in an event-time window. Keyed by
 * (kind, window_start), so a replay or a later pane overwrites the same row.
 *
 * <p>Immutable. The Beam schema field names are the table's snake_case column names.
 */
@DefaultSchema(JavaBeanSchema.class)
public class EventCount implements Serializable {
  private final String kind;
  private final long windowStart;
  private final long windowEnd;
  private final long events;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public EventCount(String kind, long windowStart, long windowEnd, long events) {
    this.kind = kind;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.events = events;
  }

  @SchemaFieldName("kind")
  public String getKind() {
    return kind;
  }

  @SchemaFieldName("window_start")
  public long getWindowStart() {
    return windowStart;
  }

  @SchemaFieldName("window_end")
  public long getWindowEnd() {
    return windowEnd;
  }

  @SchemaFieldName("events")
  public long getEvents() {
    return events;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventCount c && kind.equals(c.kind) && windowStart == c.windowStart
        && windowEnd == c.windowEnd && events == c.events;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, windowStart, windowEnd, events);
  }

  @Override
  public String toString() {
    return kind + "[" + windowStart + "," + windowEnd + ")=" + events;
  }
}
