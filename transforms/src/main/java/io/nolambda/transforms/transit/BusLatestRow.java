package io.nolambda.transforms.transit;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of the bus_latest table (DESIGN.md 4): vehicle_id, event_time (epoch millis UTC),
 * route_id, trip_id, lat, lon, speed_mps (nullable), stop_id (nullable): a recent position of a
 * bus, for next-bus ETAs and the nearest bus to a point.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class BusLatestRow implements Serializable {
  private final String vehicleId;
  private final long eventTime;
  private final String routeId;
  private final String tripId;
  private final double lat;
  private final double lon;
  private final @Nullable Double speedMps;
  private final @Nullable String stopId;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public BusLatestRow(String vehicleId, long eventTime, String routeId, String tripId, double lat,
      double lon, @Nullable Double speedMps, @Nullable String stopId) {
    this.vehicleId = vehicleId;
    this.eventTime = eventTime;
    this.routeId = routeId;
    this.tripId = tripId;
    this.lat = lat;
    this.lon = lon;
    this.speedMps = speedMps;
    this.stopId = stopId;
  }

  @SchemaFieldName("vehicle_id")
  public String getVehicleId() {
    return vehicleId;
  }

  @SchemaFieldName("event_time")
  public long getEventTime() {
    return eventTime;
  }

  @SchemaFieldName("route_id")
  public String getRouteId() {
    return routeId;
  }

  @SchemaFieldName("trip_id")
  public String getTripId() {
    return tripId;
  }

  @SchemaFieldName("lat")
  public double getLat() {
    return lat;
  }

  @SchemaFieldName("lon")
  public double getLon() {
    return lon;
  }

  @SchemaFieldName("speed_mps")
  public @Nullable Double getSpeedMps() {
    return speedMps;
  }

  @SchemaFieldName("stop_id")
  public @Nullable String getStopId() {
    return stopId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusLatestRow r && vehicleId.equals(r.vehicleId) && eventTime == r.eventTime
        && routeId.equals(r.routeId) && tripId.equals(r.tripId) && lat == r.lat && lon == r.lon
        && Objects.equals(speedMps, r.speedMps) && Objects.equals(stopId, r.stopId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vehicleId, eventTime);
  }

  @Override
  public String toString() {
    return vehicleId + "@" + eventTime + " " + routeId + "/" + tripId + " (" + lat + ", " + lon
        + ") speed_mps=" + speedMps + " stop_id=" + stopId;
  }
}
