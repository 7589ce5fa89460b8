package io.nolambda.io.importers;

import io.nolambda.events.ParkingEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Car-park free-space readings (the parking-data project's unpivoted CSV: {@code timestamp,
 * place_id, city_name, num_all, free, latitude, longitude}) to facility-count {@link
 * ParkingEvent}s.
 *
 * <ul>
 *   <li>{@code zone_id} = {@code facility_id} = {@code place_id}; {@code bay_id} and {@code
 *       occupied} are null (these are counts, not bay sensors).
 *   <li>{@code capacity} = {@code num_all} (null when empty); {@code free} = {@code free}, as
 *       reported: the real file has readings with more free spaces than {@code num_all}, which are
 *       kept (clamping would invent data; consumers should cap occupancy at 0).
 *   <li>{@code lat}/{@code lon} = the row's coordinates, null when both are empty (15 of the 38
 *       Dresden car parks have none, and the metadata file has none for them either).
 *   <li>{@code timestamp} must carry its UTC offset (ISO-8601, e.g. {@code
 *       2024-03-04T00:00:02+00:00}); the Dresden file is in UTC ({@code +00:00} on every row).
 *   <li>{@code event_id} = {@code parking:<place_id>:<event_time millis>}: a car park has one
 *       reading per time.
 * </ul>
 *
 * Rejected: a missing place or free count, a timestamp without offset or unparsable, non-integer
 * counts, only one of latitude/longitude, coordinates out of range.
 */
public final class CarParkImporter extends CsvEventImporter<ParkingEvent> {
  static final String TIMESTAMP = "timestamp";
  static final String PLACE_ID = "place_id";
  static final String CAPACITY = "num_all";
  static final String FREE = "free";
  static final String LAT = "latitude";
  static final String LON = "longitude";

  public CarParkImporter() {
    super(
        Importers.PARKING,
        "parking/dresden-carpark-occupancy-2024-03-04_to_10.csv.gz",
        ParkingEvent.class,
        List.of(TIMESTAMP, PLACE_ID, CAPACITY, FREE, LAT, LON));
  }

  @Override
  protected RowMapper<ParkingEvent> newMapper() {
    return row -> List.of(map(row));
  }

  private static ParkingEvent map(CsvRow row) throws RowException {
    String place = row.requiredText(PLACE_ID);
    long time = instant(row).toEpochMilli();
    boolean hasLat = !row.text(LAT).isEmpty();
    boolean hasLon = !row.text(LON).isEmpty();
    if (hasLat != hasLon) {
      throw new RowException("only one of " + LAT + " and " + LON + " is present");
    }
    return ParkingEvent.newBuilder()
        .setEventId("parking:" + place + ":" + time)
        .setEventTime(time)
        .setZoneId(place)
        .setFacilityId(place)
        .setCapacity(row.optionalInt(CAPACITY))
        .setFree(row.requiredInt(FREE))
        .setLat(hasLat ? row.requiredCoordinate(LAT, 90) : null)
        .setLon(hasLon ? row.requiredCoordinate(LON, 180) : null)
        .build();
  }

  private static Instant instant(CsvRow row) throws RowException {
    String value = row.requiredText(TIMESTAMP);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new RowException(
          TIMESTAMP + ": not an ISO-8601 date-time with offset: '" + value + "'");
    }
  }
}
