package io.nolambda.io.importers;

import io.nolambda.events.CityEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The importers by dataset name, for the CLI's {@code import} command and for tests:
 *
 * <table>
 *   <caption>Datasets</caption>
 *   <tr><th>dataset</th><th>importer</th><th>gives</th></tr>
 *   <tr><td>transit</td><td>{@link BusPositionImporter}</td><td>BusPosition</td></tr>
 *   <tr><td>gtfs</td><td>{@link GtfsImporter}</td><td>GtfsFeed (reference data)</td></tr>
 *   <tr><td>parking</td><td>{@link CarParkImporter}</td><td>ParkingEvent</td></tr>
 *   <tr><td>incidents</td><td>{@link Nyc311Importer}</td><td>CityIncident, OPENED and CLOSED</td></tr>
 *   <tr><td>clickstream</td><td>{@link AccessLogImporter}</td><td>AssetEvent</td></tr>
 * </table>
 *
 * <pre>{@code
 * Importer importer = Importers.get("parking");
 * if (importer instanceof EventImporter<?> events) {
 *   try (Stream<ParsedRow<CityEvent>> rows = events.cityEventRows(file)) { ... }
 * } else if (importer instanceof GtfsImporter gtfs) {
 *   GtfsImport feed = gtfs.read(file, LocalDate.parse("2026-02-16"));
 * }
 * }</pre>
 */
public final class Importers {
  public static final String TRANSIT = "transit";
  public static final String GTFS = "gtfs";
  public static final String PARKING = "parking";
  public static final String INCIDENTS = "incidents";
  public static final String CLICKSTREAM = "clickstream";

  /** Environment variable naming the data directory when {@code nolambda.home} is not set. */
  public static final String DATA_ENV = "NOLAMBDA_DATA";
  /** System property naming the checkout root; the data is {@code <home>/../shared/data}. */
  public static final String HOME_PROPERTY = "nolambda.home";

  private static final Map<String, Supplier<Importer>> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put(TRANSIT, BusPositionImporter::new);
    REGISTRY.put(GTFS, GtfsImporter::new);
    REGISTRY.put(PARKING, CarParkImporter::new);
    REGISTRY.put(INCIDENTS, Nyc311Importer::new);
    REGISTRY.put(CLICKSTREAM, AccessLogImporter::new);
  }

  private Importers() {}

  /** The dataset names, in a fixed order. */
  public static List<String> datasets() {
    return List.copyOf(REGISTRY.keySet());
  }

  /**
   * A new importer of {@code dataset}, with its default settings.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Importer get(String dataset) {
    Supplier<Importer> importer = REGISTRY.get(dataset);
    if (importer == null) {
      throw new IllegalArgumentException(
          "unknown dataset '" + dataset + "', expected one of " + datasets());
    }
    return importer.get();
  }

  /**
   * The event importer of {@code dataset}.
   *
   * @throws IllegalArgumentException for an unknown name or for {@code gtfs}, which gives
   *     reference data, not events
   */
  public static EventImporter<?> events(String dataset) {
    Importer importer = get(dataset);
    if (importer instanceof EventImporter<?> events) {
      return events;
    }
    throw new IllegalArgumentException(
        "dataset '" + dataset + "' is reference data, not events; use Importers.gtfs()");
  }

  public static GtfsImporter gtfs() {
    return new GtfsImporter();
  }

  /** Streams {@code file} of an event dataset as enveloped events (close the stream). */
  public static Stream<ParsedRow<CityEvent>> cityEventRows(String dataset, Path file)
      throws IOException {
    return events(dataset).cityEventRows(file);
  }

  /**
   * The shared data directory: {@code <nolambda.home>/../shared/data} when that system property
   * is set and the directory exists, else the directory in the environment variable {@code
   * NOLAMBDA_DATA}, else empty.
   */
  public static Optional<Path> dataDir() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null && !home.isBlank()) {
      Path dir = Path.of(home).resolve("../shared/data").normalize();
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    String env = System.getenv(DATA_ENV);
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    return Optional.empty();
  }

  /**
   * The {@link #dataDir()}, for callers that cannot go on without the real data (the real-data
   * tests).
   *
   * @throws IllegalStateException saying how to point at the data when there is none
   */
  public static Path requireDataDir() {
    return dataDir().orElseThrow(() -> new IllegalStateException("real data not found: set -D"
        + HOME_PROPERTY + "=<checkout> (surefire sets it) or " + DATA_ENV + "=<shared/data>"));
  }

  /** The real file of {@code dataset} in {@code dataDir}. */
  public static Path defaultFile(String dataset, Path dataDir) {
    return dataDir.resolve(get(dataset).defaultFile());
  }
}
