package io.nolambda.io.importers;

import io.nolambda.events.BusPosition;
import io.nolambda.events.VehicleStatus;
import java.util.List;

/**
 * GTFS-realtime VehiclePositions flattened to CSV (the column names are the protobuf field paths,
 * e.g. {@code vehicle.position.latitude}), as archived from the WMATA bus feed, to {@link
 * BusPosition}s.
 *
 * <ul>
 *   <li>{@code event_id} = {@code <feed>:<vehicle.vehicle.id>:<vehicle.timestamp>}, e.g. {@code
 *       wmata:4582:1771257515}. A vehicle sends at most one report per timestamp (unique in the
 *       real file), and a re-polled, unchanged report gets the same id, so it deduplicates.
 *   <li>{@code event_time} = {@code vehicle.timestamp} (epoch seconds) * 1000.
 *   <li>Integer columns may be written as floats ({@code 1.0}): integral values are accepted.
 *   <li>{@code vehicle.current_status} 0, 1, 2 = INCOMING_AT, STOPPED_AT, IN_TRANSIT_TO.
 *   <li>Empty {@code vehicle.position.bearing} or {@code vehicle.position.speed} = null.
 *   <li>{@code vehicle.occupancy_status}: the GTFS-realtime OccupancyStatus code 0..8 as its enum
 *       name (e.g. 1 = {@code MANY_SEATS_AVAILABLE}); empty and 7 ({@code NO_DATA_AVAILABLE}) =
 *       null, since both mean the occupancy is unknown.
 * </ul>
 *
 * Rejected: a missing or non-numeric required field, latitude/longitude out of range, a status or
 * occupancy code outside the enum, a direction other than 0 or 1, a timestamp outside 1970..9999.
 */
public final class BusPositionImporter extends CsvEventImporter<BusPosition> {
  static final String TRIP_ID = "vehicle.trip.trip_id";
  static final String ROUTE_ID = "vehicle.trip.route_id";
  static final String DIRECTION_ID = "vehicle.trip.direction_id";
  static final String LAT = "vehicle.position.latitude";
  static final String LON = "vehicle.position.longitude";
  static final String BEARING = "vehicle.position.bearing";
  static final String SPEED = "vehicle.position.speed";
  static final String STATUS = "vehicle.current_status";
  static final String TIMESTAMP = "vehicle.timestamp";
  static final String STOP_ID = "vehicle.stop_id";
  static final String VEHICLE_ID = "vehicle.vehicle.id";
  static final String OCCUPANCY = "vehicle.occupancy_status";

  /** GTFS-realtime VehiclePosition.OccupancyStatus, by code. */
  static final List<String> OCCUPANCY_NAMES =
      List.of(
          "EMPTY",
          "MANY_SEATS_AVAILABLE",
          "FEW_SEATS_AVAILABLE",
          "STANDING_ROOM_ONLY",
          "CRUSHED_STANDING_ROOM_ONLY",
          "FULL",
          "NOT_ACCEPTING_PASSENGERS",
          "NO_DATA_AVAILABLE",
          "NOT_BOARDABLE");

  private static final int NO_DATA_AVAILABLE = 7;
  /** 9999-12-31T23:59:59Z. */
  private static final long MAX_EPOCH_SECOND = 253402300799L;

  private final String feedId;

  /** The WMATA feed: ids start with {@code wmata:}. */
  public BusPositionImporter() {
    this("wmata");
  }

  /**
   * @param feedId prefix of the event ids, naming the agency whose vehicle ids these are
   */
  public BusPositionImporter(String feedId) {
    super(
        Importers.TRANSIT,
        "transit/wmata-vehicle-positions-2026-02-16.csv.gz",
        BusPosition.class,
        List.of(
            TRIP_ID, ROUTE_ID, DIRECTION_ID, LAT, LON, BEARING, SPEED, STATUS, TIMESTAMP, STOP_ID,
            VEHICLE_ID, OCCUPANCY));
    this.feedId = feedId;
  }

  @Override
  protected RowMapper<BusPosition> newMapper() {
    return row -> List.of(map(row));
  }

  private BusPosition map(CsvRow row) throws RowException {
    String vehicleId = row.requiredText(VEHICLE_ID);
    long timestamp = row.requiredLong(TIMESTAMP);
    if (timestamp <= 0 || timestamp > MAX_EPOCH_SECOND) {
      throw new RowException(TIMESTAMP + ": not an epoch second in 1970..9999: " + timestamp);
    }
    int direction = row.requiredInt(DIRECTION_ID);
    if (direction != 0 && direction != 1) {
      throw new RowException(DIRECTION_ID + ": not 0 or 1: " + direction);
    }
    int status = row.requiredInt(STATUS);
    VehicleStatus[] statuses = VehicleStatus.values(); // symbol order = GTFS-rt code
    if (status < 0 || status >= statuses.length) {
      throw new RowException(STATUS + ": not a VehicleStopStatus code 0..2: " + status);
    }
    return BusPosition.newBuilder()
        .setEventId(feedId + ":" + vehicleId + ":" + timestamp)
        .setEventTime(timestamp * 1000L)
        .setVehicleId(vehicleId)
        .setRouteId(row.requiredText(ROUTE_ID))
        .setDirectionId(direction)
        .setTripId(row.requiredText(TRIP_ID))
        .setLat(row.requiredCoordinate(LAT, 90))
        .setLon(row.requiredCoordinate(LON, 180))
        .setBearing(row.optionalDouble(BEARING))
        .setSpeedMps(row.optionalDouble(SPEED))
        .setStatus(statuses[status])
        .setStopId(row.optionalText(STOP_ID))
        .setOccupancy(occupancy(row))
        .build();
  }

  private static String occupancy(CsvRow row) throws RowException {
    Integer code = row.optionalInt(OCCUPANCY);
    if (code == null || code == NO_DATA_AVAILABLE) {
      return null;
    }
    if (code < 0 || code >= OCCUPANCY_NAMES.size()) {
      throw new RowException(OCCUPANCY + ": not an OccupancyStatus code 0..8: " + code);
    }
    return OCCUPANCY_NAMES.get(code);
  }
}
