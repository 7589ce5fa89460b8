package io.nolambda.pipelines.eventcounts;

import com.datastax.driver.mapping.annotations.ClusteringColumn;
import com.datastax.driver.mapping.annotations.Column;
import com.datastax.driver.mapping.annotations.PartitionKey;
import com.datastax.driver.mapping.annotations.Table;
import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * One serving row: how many distinct events of a kind fell in an event-time window. Keyed by
 * (kind, window_start), so a replay or a later pane overwrites the same row.
 */
@DefaultSchema(JavaBeanSchema.class)
@Table(name = EventCount.TABLE)
public class EventCount implements Serializable {
  public static final String TABLE = "event_counts";
  public static final String DDL =
      "CREATE TABLE IF NOT EXISTS " + TABLE + " (kind text, window_start bigint, window_end bigint,"
          + " events bigint, PRIMARY KEY ((kind), window_start)) WITH CLUSTERING ORDER BY (window_start DESC)";

  @PartitionKey private String kind;

  @ClusteringColumn
  @Column(name = "window_start")
  private long windowStart;

  @Column(name = "window_end")
  private long windowEnd;

  private long events;

  /** For the driver's mapper and Beam's schema inference. */
  public EventCount() {}

  public EventCount(String kind, long windowStart, long windowEnd, long events) {
    this.kind = kind;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.events = events;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public long getWindowStart() {
    return windowStart;
  }

  public void setWindowStart(long windowStart) {
    this.windowStart = windowStart;
  }

  public long getWindowEnd() {
    return windowEnd;
  }

  public void setWindowEnd(long windowEnd) {
    this.windowEnd = windowEnd;
  }

  public long getEvents() {
    return events;
  }

  public void setEvents(long events) {
    this.events = events;
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
