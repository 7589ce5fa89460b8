package io.nolambda.transforms.correlation;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Pearson's r of a set of (x, y) pairs and the number of pairs n: the n and r columns of the
 * correlation table (DESIGN.md 4). r is null when undefined (n < 2 or a constant measure).
 * Immutable.
 */
@DefaultSchema(JavaBeanSchema.class)
public class Correlation implements Serializable {
  private final long n;
  private final @Nullable Double r;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public Correlation(long n, @Nullable Double r) {
    this.n = n;
    this.r = r;
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
    return o instanceof Correlation c && n == c.n && Objects.equals(r, c.r);
  }

  @Override
  public int hashCode() {
    return Objects.hash(n, r);
  }

  @Override
  public String toString() {
    return "r=" + r + " n=" + n;
  }
}
