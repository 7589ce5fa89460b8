package io.nolambda.transforms.transit;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of the stop_wait table (DESIGN.md 4): route_id, direction_id, stop_id, window_start,
 * window_end, arrivals, expected_wait_s, scheduled_wait_s, excess_wait_s. Times are epoch millis
 * UTC, waits seconds. arrivals counts the observed arrivals in the window. The waits are
 * sum(h^2) / (2 sum(h)) over the headways that end in the window, observed and scheduled; a wait
 * is null when no headway (or only zero headways) ended in the window, and excess_wait_s =
 * expected - scheduled is null when either is (DESIGN.md does not say; undefined is not zero).
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class StopWaitRow implements Serializable {
  private final String routeId;
  private final int directionId;
  private final String stopId;
  private final long windowStart;
  private final long windowEnd;
  private final long arrivals;
  private final @Nullable Double expectedWaitS;
  private final @Nullable Double scheduledWaitS;
  private final @Nullable Double excessWaitS;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public StopWaitRow(String routeId, int directionId, String stopId, long windowStart,
      long windowEnd, long arrivals, @Nullable Double expectedWaitS,
      @Nullable Double scheduledWaitS, @Nullable Double excessWaitS) {
    this.routeId = routeId;
    this.directionId = directionId;
    this.stopId = stopId;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.arrivals = arrivals;
    this.expectedWaitS = expectedWaitS;
    this.scheduledWaitS = scheduledWaitS;
    this.excessWaitS = excessWaitS;
  }

  @SchemaFieldName("route_id")
  public String getRouteId() {
    return routeId;
  }

  @SchemaFieldName("direction_id")
  public int getDirectionId() {
    return directionId;
  }

  @SchemaFieldName("stop_id")
  public String getStopId() {
    return stopId;
  }

  @SchemaFieldName("window_start")
  public long getWindowStart() {
    return windowStart;
  }

  @SchemaFieldName("window_end")
  public long getWindowEnd() {
    return windowEnd;
  }

  @SchemaFieldName("arrivals")
  public long getArrivals() {
    return arrivals;
  }

  @SchemaFieldName("expected_wait_s")
  public @Nullable Double getExpectedWaitS() {
    return expectedWaitS;
  }

  @SchemaFieldName("scheduled_wait_s")
  public @Nullable Double getScheduledWaitS() {
    return scheduledWaitS;
  }

  @SchemaFieldName("excess_wait_s")
  public @Nullable Double getExcessWaitS() {
    return excessWaitS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StopWaitRow r && routeId.equals(r.routeId) && directionId == r.directionId
        && stopId.equals(r.stopId) && windowStart == r.windowStart && windowEnd == r.windowEnd
        && arrivals == r.arrivals && Objects.equals(expectedWaitS, r.expectedWaitS)
        && Objects.equals(scheduledWaitS, r.scheduledWaitS)
        && Objects.equals(excessWaitS, r.excessWaitS);
  }

  @Override
  public int hashCode() {
    return Objects.hash(routeId, directionId, stopId, windowStart, arrivals);
  }

  @Override
  public String toString() {
    return routeId + "/" + directionId + "/" + stopId + "[" + windowStart + "," + windowEnd
        + ") arrivals=" + arrivals + " expected_wait_s=" + expectedWaitS + " scheduled_wait_s="
        + scheduledWaitS + " excess_wait_s=" + excessWaitS;
  }
}
