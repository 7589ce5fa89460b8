package io.nolambda.transforms.trends;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;

/**
 * The historical baseline of an asset in a segment at one hour of the week (DESIGN.md 4): mean
 * and standard deviation of its window counts at that hour in past weeks, as a pipeline reads it
 * from the serving store. hour_of_week counts from Monday 00:00 UTC (0) to Sunday 23:00 (167).
 * Immutable; schema field names are the snake_case names.
 */
@DefaultSchema(JavaBeanSchema.class)
public class HourProfile implements Serializable {
  private final String segment;
  private final String assetId;
  private final int hourOfWeek;
  private final double mean;
  private final double stddev;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public HourProfile(String segment, String assetId, int hourOfWeek, double mean, double stddev) {
    this.segment = segment;
    this.assetId = assetId;
    this.hourOfWeek = hourOfWeek;
    this.mean = mean;
    this.stddev = stddev;
  }

  /** The side input {@link DetectTrends#withProfile} takes: profiles by (segment, asset, hour). */
  public static PCollectionView<Map<String, HourProfile>> asView(PCollection<HourProfile> profiles) {
    return profiles
        .apply("Key profiles", WithKeys.<String, HourProfile>of(p -> key(p.segment, p.assetId, p.hourOfWeek))
            .withKeyType(TypeDescriptors.strings()))
        .apply("Profiles as map", View.asMap());
  }

  static String key(String segment, String assetId, int hourOfWeek) {
    return segment + "\u0000" + assetId + "\u0000" + hourOfWeek;
  }

  /** Hour of the week (UTC, Monday 00:00 = 0) of an instant. */
  public static int hourOfWeek(Instant instant) {
    var t = instant.toDateTime(DateTimeZone.UTC);
    return (t.getDayOfWeek() - 1) * 24 + t.getHourOfDay();
  }

  @SchemaFieldName("segment")
  public String getSegment() {
    return segment;
  }

  @SchemaFieldName("asset_id")
  public String getAssetId() {
    return assetId;
  }

  @SchemaFieldName("hour_of_week")
  public int getHourOfWeek() {
    return hourOfWeek;
  }

  @SchemaFieldName("mean")
  public double getMean() {
    return mean;
  }

  @SchemaFieldName("stddev")
  public double getStddev() {
    return stddev;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HourProfile p && segment.equals(p.segment) && assetId.equals(p.assetId)
        && hourOfWeek == p.hourOfWeek && mean == p.mean && stddev == p.stddev;
  }

  @Override
  public int hashCode() {
    return Objects.hash(segment, assetId, hourOfWeek);
  }
}
