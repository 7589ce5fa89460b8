package io.nolambda.transforms.parking;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of the occupancy table (DESIGN.md 4): zone_id, window_start, window_end, occupancy,
 * peak, arrivals, departures, free_at_end, mean_dwell_s (nullable). Times are epoch millis UTC.
 * occupancy is the time-weighted mean occupied fraction over the part of the window where the
 * zone's state was known, peak the highest fraction at any instant of it, both in [0, 1].
 * mean_dwell_s is null when no bay session of known start ended in the window.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class OccupancyRow implements Serializable {
  private final String zoneId;
  private final long windowStart;
  private final long windowEnd;
  private final double occupancy;
  private final double peak;
  private final long arrivals;
  private final long departures;
  private final long freeAtEnd;
  private final @Nullable Double meanDwellS;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public OccupancyRow(String zoneId, long windowStart, long windowEnd, double occupancy, double peak,
      long arrivals, long departures, long freeAtEnd, @Nullable Double meanDwellS) {
    this.zoneId = zoneId;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.occupancy = occupancy;
    this.peak = peak;
    this.arrivals = arrivals;
    this.departures = departures;
    this.freeAtEnd = freeAtEnd;
    this.meanDwellS = meanDwellS;
  }

  @SchemaFieldName("zone_id")
  public String getZoneId() {
    return zoneId;
  }

  @SchemaFieldName("window_start")
  public long getWindowStart() {
    return windowStart;
  }

  @SchemaFieldName("window_end")
  public long getWindowEnd() {
    return windowEnd;
  }

  @SchemaFieldName("occupancy")
  public double getOccupancy() {
    return occupancy;
  }

  @SchemaFieldName("peak")
  public double getPeak() {
    return peak;
  }

  @SchemaFieldName("arrivals")
  public long getArrivals() {
    return arrivals;
  }

  @SchemaFieldName("departures")
  public long getDepartures() {
    return departures;
  }

  @SchemaFieldName("free_at_end")
  public long getFreeAtEnd() {
    return freeAtEnd;
  }

  @SchemaFieldName("mean_dwell_s")
  public @Nullable Double getMeanDwellS() {
    return meanDwellS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OccupancyRow r && zoneId.equals(r.zoneId) && windowStart == r.windowStart
        && windowEnd == r.windowEnd && occupancy == r.occupancy && peak == r.peak
        && arrivals == r.arrivals && departures == r.departures && freeAtEnd == r.freeAtEnd
        && Objects.equals(meanDwellS, r.meanDwellS);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zoneId, windowStart, arrivals, departures, freeAtEnd);
  }

  @Override
  public String toString() {
    return zoneId + "[" + windowStart + "," + windowEnd + ") occupancy=" + occupancy + " peak=" + peak
        + " arrivals=" + arrivals + " departures=" + departures + " free_at_end=" + freeAtEnd
        + " mean_dwell_s=" + meanDwellS;
  }
}
