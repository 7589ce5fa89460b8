package io.nolambda.transforms.transit;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of the cell_stats table (DESIGN.md 4): cell, window_start, window_end, incidents,
 * incidents_311, incidents_911, excess_wait_s (nullable: the mean EWT of the cell's stops with
 * one in the window), mean_speed_mps (nullable: no speed reports). Times in epoch millis UTC.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class CellStatsRow implements Serializable {
  private final String cell;
  private final long windowStart;
  private final long windowEnd;
  private final long incidents;
  private final long incidents311;
  private final long incidents911;
  private final @Nullable Double excessWaitS;
  private final @Nullable Double meanSpeedMps;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public CellStatsRow(String cell, long windowStart, long windowEnd, long incidents,
      long incidents311, long incidents911, @Nullable Double excessWaitS,
      @Nullable Double meanSpeedMps) {
    this.cell = cell;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.incidents = incidents;
    this.incidents311 = incidents311;
    this.incidents911 = incidents911;
    this.excessWaitS = excessWaitS;
    this.meanSpeedMps = meanSpeedMps;
  }

  @SchemaFieldName("cell")
  public String getCell() {
    return cell;
  }

  @SchemaFieldName("window_start")
  public long getWindowStart() {
    return windowStart;
  }

  @SchemaFieldName("window_end")
  public long getWindowEnd() {
    return windowEnd;
  }

  @SchemaFieldName("incidents")
  public long getIncidents() {
    return incidents;
  }

  @SchemaFieldName("incidents_311")
  public long getIncidents311() {
    return incidents311;
  }

  @SchemaFieldName("incidents_911")
  public long getIncidents911() {
    return incidents911;
  }

  @SchemaFieldName("excess_wait_s")
  public @Nullable Double getExcessWaitS() {
    return excessWaitS;
  }

  @SchemaFieldName("mean_speed_mps")
  public @Nullable Double getMeanSpeedMps() {
    return meanSpeedMps;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CellStatsRow r && cell.equals(r.cell) && windowStart == r.windowStart
        && windowEnd == r.windowEnd && incidents == r.incidents && incidents311 == r.incidents311
        && incidents911 == r.incidents911 && Objects.equals(excessWaitS, r.excessWaitS)
        && Objects.equals(meanSpeedMps, r.meanSpeedMps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cell, windowStart, incidents);
  }

  @Override
  public String toString() {
    return cell + "[" + windowStart + "," + windowEnd + ") incidents=" + incidents + " (311: "
        + incidents311 + ", 911: " + incidents911 + ") excess_wait_s=" + excessWaitS
        + " mean_speed_mps=" + meanSpeedMps;
  }
}
