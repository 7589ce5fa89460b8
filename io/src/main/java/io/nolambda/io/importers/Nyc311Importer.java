package io.nolambda.io.importers;

import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * NYC 311 service requests (the NYC Open Data export, 41 columns) to {@link CityIncident}s with
 * source {@code "311"}.
 *
 * <ul>
 *   <li>{@code incident_id} = {@code Unique Key}; {@code category} = {@code Complaint Type}.
 *   <li>Dates are {@code MM/dd/yyyy hh:mm:ss a} local time in America/New_York, converted to UTC
 *       (in the autumn overlap hour the earlier offset, EDT, is taken; a time in the spring gap is
 *       moved forward by the gap, as {@link ZonedDateTime#of} does).
 *   <li>Every row gives an OPENED event at {@code Created Date}, id {@code 311:<key>:OPENED}.
 *   <li>With {@code emitClosed} (the default) a row with a {@code Closed Date} also gives a CLOSED
 *       event at that time, id {@code 311:<key>:CLOSED}, right after its OPENED event (file order
 *       is kept, so event times are not sorted). In the real file all 480 closed dates fall
 *       within the extract (the last at 02:06:52, 26 s after the last creation), so the CLOSED
 *       events are not late stragglers. Consumers counting new incidents must count OPENED only.
 *       The {@code Status} column is not used: the closed date is the event.
 *   <li>{@code lat}/{@code lon} = {@code Latitude}/{@code Longitude}, both null when both are
 *       empty (11 rows of the real file).
 * </ul>
 *
 * Rejected: a missing key, category or created date; an unparsable created or closed date; a
 * closed date before the created date (the CLOSED event would precede its OPENED one); only one of
 * latitude/longitude; coordinates out of range.
 */
public final class Nyc311Importer extends CsvEventImporter<CityIncident> {
  static final String KEY = "Unique Key";
  static final String CREATED = "Created Date";
  static final String CLOSED = "Closed Date";
  static final String COMPLAINT_TYPE = "Complaint Type";
  static final String LAT = "Latitude";
  static final String LON = "Longitude";

  public static final String SOURCE = "311";
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MM/dd/uuuu hh:mm:ss a", Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);

  private final boolean emitClosed;

  /** OPENED and CLOSED events. */
  public Nyc311Importer() {
    this(true);
  }

  /**
   * @param emitClosed whether a row with a closed date also gives a CLOSED event
   */
  public Nyc311Importer(boolean emitClosed) {
    super(
        Importers.INCIDENTS,
        "incidents/nyc311-2022-05-01.csv.gz",
        CityIncident.class,
        List.of(KEY, CREATED, CLOSED, COMPLAINT_TYPE, LAT, LON));
    this.emitClosed = emitClosed;
  }

  public boolean emitsClosed() {
    return emitClosed;
  }

  @Override
  protected RowMapper<CityIncident> newMapper() {
    return this::map;
  }

  private List<CityIncident> map(CsvRow row) throws RowException {
    String key = row.requiredText(KEY);
    String category = row.requiredText(COMPLAINT_TYPE);
    long created = epochMillis(row, CREATED);
    Long closed = row.text(CLOSED).isEmpty() ? null : epochMillis(row, CLOSED);
    if (closed != null && closed < created) {
      throw new RowException(CLOSED + ": before " + CREATED + ": '" + row.text(CLOSED) + "'");
    }
    boolean hasLat = !row.text(LAT).isEmpty();
    boolean hasLon = !row.text(LON).isEmpty();
    if (hasLat != hasLon) {
      throw new RowException("only one of " + LAT + " and " + LON + " is present");
    }
    Double lat = hasLat ? row.requiredCoordinate(LAT, 90) : null;
    Double lon = hasLon ? row.requiredCoordinate(LON, 180) : null;
    CityIncident opened = incident(key, created, category, lat, lon, IncidentStatus.OPENED);
    if (!emitClosed || closed == null) {
      return List.of(opened);
    }
    return List.of(opened, incident(key, closed, category, lat, lon, IncidentStatus.CLOSED));
  }

  private static CityIncident incident(
      String key, long time, String category, Double lat, Double lon, IncidentStatus status) {
    return CityIncident.newBuilder()
        .setEventId(SOURCE + ":" + key + ":" + status)
        .setEventTime(time)
        .setIncidentId(key)
        .setSource(SOURCE)
        .setCategory(category)
        .setLat(lat)
        .setLon(lon)
        .setStatus(status)
        .build();
  }

  private static long epochMillis(CsvRow row, String column) throws RowException {
    String value = row.requiredText(column);
    try {
      LocalDateTime local = LocalDateTime.parse(value, DATE);
      return ZonedDateTime.of(local, NEW_YORK).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new RowException(column + ": not MM/dd/yyyy hh:mm:ss AM|PM: '" + value + "'");
    }
  }
}
