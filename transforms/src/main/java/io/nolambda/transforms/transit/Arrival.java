package io.nolambda.transforms.transit;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;

/**
 * One arrival of a trip at a stop (DESIGN.md 4), as found by {@link DetectArrivals}: route_id,
 * direction_id, stop_id, trip_id, vehicle_id, arrival_time (epoch millis UTC) and event_id, the id
 * of the position report that marked it. Route and direction are the GTFS trip's.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class Arrival implements Serializable {
  private final String routeId;
  private final int directionId;
  private final String stopId;
  private final String tripId;
  private final String vehicleId;
  private final long arrivalTime;
  private final String eventId;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public Arrival(String routeId, int directionId, String stopId, String tripId, String vehicleId,
      long arrivalTime, String eventId) {
    this.routeId = routeId;
    this.directionId = directionId;
    this.stopId = stopId;
    this.tripId = tripId;
    this.vehicleId = vehicleId;
    this.arrivalTime = arrivalTime;
    this.eventId = eventId;
  }

  @SchemaFieldName("route_id")
  public String getRouteId() {
    return routeId;
  }

  @SchemaFieldName("direction_id")
  public int getDirectionId() {
    return directionId;
  }

  @SchemaFieldName("stop_id")
  public String getStopId() {
    return stopId;
  }

  @SchemaFieldName("trip_id")
  public String getTripId() {
    return tripId;
  }

  @SchemaFieldName("vehicle_id")
  public String getVehicleId() {
    return vehicleId;
  }

  @SchemaFieldName("arrival_time")
  public long getArrivalTime() {
    return arrivalTime;
  }

  @SchemaFieldName("event_id")
  public String getEventId() {
    return eventId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Arrival a && routeId.equals(a.routeId) && directionId == a.directionId
        && stopId.equals(a.stopId) && tripId.equals(a.tripId)
        && Objects.equals(vehicleId, a.vehicleId) && arrivalTime == a.arrivalTime
        && Objects.equals(eventId, a.eventId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(routeId, directionId, stopId, tripId, arrivalTime);
  }

  @Override
  public String toString() {
    return "arrival " + tripId + " (" + routeId + "/" + directionId + ") at " + stopId + " @"
        + arrivalTime + " by " + eventId;
  }
}
