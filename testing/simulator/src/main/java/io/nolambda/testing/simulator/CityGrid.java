package io.nolambda.testing.simulator;

import java.io.Serializable;

/**
 * The geometry of the simulated city: a rectangle of square cells (blocks) centered on a point, with
 * streets along the cell edges. Local coordinates are meters east (x) and north (y) of the
 * south-west corner. They map to WGS84 by an equirectangular projection on a sphere of radius
 * {@value #EARTH_RADIUS_METERS} m, the mean Earth radius haversine code commonly uses, so distances
 * agree with a haversine to well under a meter across the city.
 *
 * <p>Cell ids are {@code c<column>r<row>}, column 0 in the west and row 0 in the south.
 */
public record CityGrid(double centerLat, double centerLon, int columns, int rows, double cellMeters)
    implements Serializable {

  public static final double EARTH_RADIUS_METERS = 6_371_008.8;
  private static final double METERS_PER_DEGREE = EARTH_RADIUS_METERS * Math.PI / 180.0;

  public double widthMeters() {
    return columns * cellMeters;
  }

  public double heightMeters() {
    return rows * cellMeters;
  }

  /** Latitude of the local north coordinate y. */
  public double lat(double y) {
    return centerLat + (y - heightMeters() / 2) / METERS_PER_DEGREE;
  }

  /** Longitude of the local east coordinate x. */
  public double lon(double x) {
    return centerLon + (x - widthMeters() / 2) / metersPerDegreeLon();
  }

  /** Local north coordinate of a latitude. */
  public double y(double lat) {
    return (lat - centerLat) * METERS_PER_DEGREE + heightMeters() / 2;
  }

  /** Local east coordinate of a longitude. */
  public double x(double lon) {
    return (lon - centerLon) * metersPerDegreeLon() + widthMeters() / 2;
  }

  public static String cellId(int column, int row) {
    return "c" + column + "r" + row;
  }

  /** The cell holding a point, or null outside the city. */
  public String cellIdAt(double lat, double lon) {
    double x = x(lon);
    double y = y(lat);
    if (x < 0 || y < 0 || x >= widthMeters() || y >= heightMeters()) {
      return null;
    }
    return cellId((int) (x / cellMeters), (int) (y / cellMeters));
  }

  private double metersPerDegreeLon() {
    return METERS_PER_DEGREE * StrictMath.cos(Math.toRadians(centerLat));
  }
}
