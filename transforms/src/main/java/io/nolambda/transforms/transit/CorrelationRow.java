package io.nolambda.transforms.transit;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of the correlation table (DESIGN.md 4): day (epoch millis of the UTC day's start), x
 * and y (the cell_stats columns correlated), n ((cell, window) pairs with both measures) and
 * Pearson's r (null when undefined: n < 2 or a constant measure).
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class CorrelationRow implements Serializable {
  private final long day;
  private final String x;
  private final String y;
  private final long n;
  private final @Nullable Double r;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public CorrelationRow(long day, String x, String y, long n, @Nullable Double r) {
    this.day = day;
    this.x = x;
    this.y = y;
    this.n = n;
    this.r = r;
  }

  @SchemaFieldName("day")
  public long getDay() {
    return day;
  }

  @SchemaFieldName("x")
  public String getX() {
    return x;
  }

  @SchemaFieldName("y")
  public String getY() {
    return y;
  }

  @SchemaFieldName("n")
  public long getN() {
    return n;
  }

  @SchemaFieldName("r")
  public @Nullable Double getR() {
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorrelationRow c && day == c.day && x.equals(c.x) && y.equals(c.y)
        && n == c.n && Objects.equals(r, c.r);
  }

  @Override
  public int hashCode() {
    return Objects.hash(day, x, y, n);
  }

  @Override
  public String toString() {
    return "day " + day + " r(" + x + ", " + y + ")=" + r + " n=" + n;
  }
}
