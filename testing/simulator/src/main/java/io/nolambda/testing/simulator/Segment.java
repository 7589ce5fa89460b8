package io.nolambda.testing.simulator;

import io.nolambda.events.AssetEvent;

/** The audience a trend is computed over (DESIGN.md 4): everyone, one os, or one region. */
public record Segment(Dimension dimension, String value) {

  public enum Dimension {
    ALL,
    OS,
    REGION
  }

  public static final Segment ALL = new Segment(Dimension.ALL, "all");

  public static Segment os(String os) {
    return new Segment(Dimension.OS, os);
  }

  public static Segment region(String region) {
    return new Segment(Dimension.REGION, region);
  }

  public boolean matches(AssetEvent event) {
    return switch (dimension) {
      case ALL -> true;
      case OS -> value.equals(event.getOs());
      case REGION -> value.equals(event.getRegion());
    };
  }
}
