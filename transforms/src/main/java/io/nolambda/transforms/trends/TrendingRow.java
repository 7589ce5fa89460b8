package io.nolambda.transforms.trends;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;

/**
 * One row of the trending table (DESIGN.md 4): segment, window_start, window_end, rank, asset_id,
 * count, mean, stddev, score. Times are epoch millis UTC; rank starts at 1. count, mean and stddev
 * are the asset's recent feature vector: its count in the window and the mean and population
 * standard deviation of its counts over the previous N windows, empty windows counting 0.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class TrendingRow implements Serializable {
  private final String segment;
  private final long windowStart;
  private final long windowEnd;
  private final int rank;
  private final String assetId;
  private final long count;
  private final double mean;
  private final double stddev;
  private final double score;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public TrendingRow(String segment, long windowStart, long windowEnd, int rank, String assetId,
      long count, double mean, double stddev, double score) {
    this.segment = segment;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.rank = rank;
    this.assetId = assetId;
    this.count = count;
    this.mean = mean;
    this.stddev = stddev;
    this.score = score;
  }

  /** The same row with another score (rescored against a historical profile). */
  TrendingRow withScore(double newScore) {
    return new TrendingRow(segment, windowStart, windowEnd, rank, assetId, count, mean, stddev, newScore);
  }

  /** The same row at another rank. */
  public TrendingRow withRank(int newRank) {
    return new TrendingRow(segment, windowStart, windowEnd, newRank, assetId, count, mean, stddev,
        score);
  }

  @SchemaFieldName("segment")
  public String getSegment() {
    return segment;
  }

  @SchemaFieldName("window_start")
  public long getWindowStart() {
    return windowStart;
  }

  @SchemaFieldName("window_end")
  public long getWindowEnd() {
    return windowEnd;
  }

  @SchemaFieldName("rank")
  public int getRank() {
    return rank;
  }

  @SchemaFieldName("asset_id")
  public String getAssetId() {
    return assetId;
  }

  @SchemaFieldName("count")
  public long getCount() {
    return count;
  }

  @SchemaFieldName("mean")
  public double getMean() {
    return mean;
  }

  @SchemaFieldName("stddev")
  public double getStddev() {
    return stddev;
  }

  @SchemaFieldName("score")
  public double getScore() {
    return score;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrendingRow r && segment.equals(r.segment) && windowStart == r.windowStart
        && windowEnd == r.windowEnd && rank == r.rank && assetId.equals(r.assetId)
        && count == r.count && mean == r.mean && stddev == r.stddev && score == r.score;
  }

  @Override
  public int hashCode() {
    return Objects.hash(segment, windowStart, rank, assetId, count);
  }

  @Override
  public String toString() {
    return segment + "[" + windowStart + "," + windowEnd + ") #" + rank + " " + assetId + " count="
        + count + " mean=" + mean + " stddev=" + stddev + " score=" + score;
  }
}
