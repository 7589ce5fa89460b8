package io.nolambda.transforms.transit;

import java.io.Serializable;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;

/**
 * Mean bus speed in a cell and window, the traffic proxy of DESIGN.md 4: cell, window_start,
 * window_end, mean_speed_mps, n (the number of distinct reports averaged). Times in epoch millis
 * UTC.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class BusSpeedRow implements Serializable {
  private final String cell;
  private final long windowStart;
  private final long windowEnd;
  private final double meanSpeedMps;
  private final long n;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public BusSpeedRow(String cell, long windowStart, long windowEnd, double meanSpeedMps, long n) {
    this.cell = cell;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.meanSpeedMps = meanSpeedMps;
    this.n = n;
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

  @SchemaFieldName("mean_speed_mps")
  public double getMeanSpeedMps() {
    return meanSpeedMps;
  }

  @SchemaFieldName("n")
  public long getN() {
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusSpeedRow r && cell.equals(r.cell) && windowStart == r.windowStart
        && windowEnd == r.windowEnd && meanSpeedMps == r.meanSpeedMps && n == r.n;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(cell, windowStart, n);
  }

  @Override
  public String toString() {
    return cell + "[" + windowStart + "," + windowEnd + ") mean_speed_mps=" + meanSpeedMps + " n=" + n;
  }
}
