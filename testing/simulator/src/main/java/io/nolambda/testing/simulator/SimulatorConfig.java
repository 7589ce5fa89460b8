package io.nolambda.testing.simulator;

import java.time.Instant;

/**
 * Everything that shapes a simulated city. Immutable: build one with {@link #builder()} and derive
 * variants with {@link #toBuilder()}. The same config, seed included, gives the same events byte for
 * byte.
 *
 * <p>Rates: assets and parking take a configured mean rate in events per second; incidents one in
 * incidents per hour (each gives an OPENED and, if it closes before the end, a CLOSED event). The bus
 * rate follows from the network: every bus in service reports every {@code minReportIntervalMillis}
 * to {@code maxReportIntervalMillis} (uniform) and once more on arriving at each stop.
 *
 * @param seed the one seed; each part of the city derives its own stream from it
 * @param startMillis first instant of the run, epoch millis UTC (inclusive)
 * @param durationMillis length of the run; events fall in [start, start + duration)
 * @param centerLat latitude of the grid city's center
 * @param centerLon longitude of the grid city's center
 * @param gridColumns cells west to east
 * @param gridRows cells south to north
 * @param cellMeters side of a square cell (one city block); streets run along the cell edges
 * @param routes bus routes, alternately east-west and north-south along interior streets
 * @param headwaySeconds scheduled time between trips of a route and direction; divides a day
 * @param stopSpacingMeters wanted distance between stops, rounded to whole blocks
 * @param busSpeedMps mean free-flow cruising speed of a bus
 * @param layoverSeconds least scheduled rest of a bus at a terminal; it absorbs delay
 * @param minReportIntervalMillis shortest gap between periodic position reports of a bus
 * @param maxReportIntervalMillis longest gap between periodic position reports of a bus
 * @param incidentsEnabled false for a control run: no incidents, so no blocked streets
 * @param incidentsPerHour mean number of 311 and 911 incidents opened per hour
 * @param incidentRadiusMeters while an incident blocks the street, buses are held for minutes on
 *     coming within this distance of it and pass the stops within it without stopping (0: incidents
 *     affect no bus)
 * @param parkingEventsPerSecond mean parking event rate over a whole day (it follows the daily
 *     occupancy pattern); the mean dwell of parked cars is derived from it
 * @param streetZones street blocks with sensor bays
 * @param baysPerZone bays per street block
 * @param carParks car parks reporting counts of free spaces
 * @param carParkCapacity mean capacity of a car park (each varies by up to 40 %)
 * @param assetEventsPerSecond background rate of asset events (views, clicks, carts, purchases)
 * @param assets distinct assets; background popularity is Zipf with exponent 1
 * @param users distinct signed-in users (a fifth of the events are anonymous)
 * @param bursts injected trending bursts, each on a different asset
 * @param burstStrength multiplier of the asset's expected window count in the first burst window;
 *     it doubles in each further window, so the burst stays far above its own rising baseline
 * @param burstWindows consecutive trend windows a burst lasts (1 to 8)
 * @param trendWindowMillis trend window W (DESIGN.md 4); bursts align to it
 * @param trendHistoryWindows baseline length N; every burst starts after N quiet windows
 */
public record SimulatorConfig(
    long seed,
    long startMillis,
    long durationMillis,
    double centerLat,
    double centerLon,
    int gridColumns,
    int gridRows,
    double cellMeters,
    int routes,
    int headwaySeconds,
    double stopSpacingMeters,
    double busSpeedMps,
    int layoverSeconds,
    long minReportIntervalMillis,
    long maxReportIntervalMillis,
    boolean incidentsEnabled,
    double incidentsPerHour,
    double incidentRadiusMeters,
    double parkingEventsPerSecond,
    int streetZones,
    int baysPerZone,
    int carParks,
    int carParkCapacity,
    double assetEventsPerSecond,
    int assets,
    int users,
    int bursts,
    double burstStrength,
    int burstWindows,
    long trendWindowMillis,
    int trendHistoryWindows) {

  /** 06:00 UTC on a Monday: a default run starts into the morning rise of parking demand. */
  public static final long DEFAULT_START_MILLIS =
      Instant.parse("2026-03-02T06:00:00Z").toEpochMilli();

  private static final int SECONDS_PER_DAY = 86_400;

  public SimulatorConfig {
    require(durationMillis > 0, "durationMillis must be positive");
    require(gridColumns >= 2 && gridRows >= 2, "the grid needs at least 2 x 2 cells");
    require(cellMeters >= 50, "cellMeters must be at least 50");
    require(Math.abs(centerLat) < 80, "centerLat must be within +-80 degrees");
    require(routes >= 0, "routes must be >= 0");
    require((routes + 1) / 2 < gridRows && routes / 2 < gridColumns,
        "too many routes for the interior streets of the grid");
    require(headwaySeconds > 0 && SECONDS_PER_DAY % headwaySeconds == 0,
        "headwaySeconds must divide a day (86400 s)");
    require(stopSpacingMeters > 0 && busSpeedMps > 0, "stop spacing and bus speed must be > 0");
    require(layoverSeconds >= 0, "layoverSeconds must be >= 0");
    require(minReportIntervalMillis > 0 && minReportIntervalMillis <= maxReportIntervalMillis,
        "need 0 < minReportIntervalMillis <= maxReportIntervalMillis");
    require(incidentsPerHour >= 0 && incidentRadiusMeters >= 0, "incident settings must be >= 0");
    require(parkingEventsPerSecond >= 0, "parkingEventsPerSecond must be >= 0");
    require(streetZones >= 0 && baysPerZone >= 1 && carParks >= 0 && carParkCapacity >= 1,
        "parking sizes must be >= 0 zones, >= 1 bay and >= 1 space");
    require(streetZones + carParks <= gridColumns * gridRows,
        "each parking zone needs its own grid cell");
    require(assetEventsPerSecond >= 0 && assets >= 1 && users >= 1,
        "asset settings need a rate >= 0, >= 1 asset and >= 1 user");
    require(bursts >= 0 && bursts <= assets - assets / 10,
        "bursts must be >= 0 and fit in the long tail of the assets (90 %)");
    require(burstStrength > 1, "burstStrength must be > 1");
    require(burstWindows >= 1 && burstWindows <= 8, "burstWindows must be 1 to 8");
    require(trendWindowMillis > 0 && trendHistoryWindows >= 0, "trend window settings invalid");
    require(bursts == 0 || assetEventsPerSecond == 0
            || durationMillis >= (trendHistoryWindows + burstWindows + 2) * trendWindowMillis,
        "bursts need a run of at least (trendHistoryWindows + burstWindows + 2) trend windows;"
            + " lengthen the run or set bursts(0)");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** End of the run, exclusive. */
  public long endMillis() {
    return startMillis + durationMillis;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builder with the defaults: a one-hour run of a 4.8 km square city near Washington DC. */
  public static final class Builder {
    private long seed = 42;
    private long startMillis = DEFAULT_START_MILLIS;
    private long durationMillis = 3_600_000;
    private double centerLat = 38.9;
    private double centerLon = -77.03;
    private int gridColumns = 12;
    private int gridRows = 12;
    private double cellMeters = 400;
    private int routes = 6;
    private int headwaySeconds = 600;
    private double stopSpacingMeters = 400;
    private double busSpeedMps = 8;
    private int layoverSeconds = 300;
    private long minReportIntervalMillis = 15_000;
    private long maxReportIntervalMillis = 30_000;
    private boolean incidentsEnabled = true;
    private double incidentsPerHour = 4;
    private double incidentRadiusMeters = 400;
    private double parkingEventsPerSecond = 0.15;
    private int streetZones = 20;
    private int baysPerZone = 12;
    private int carParks = 3;
    private int carParkCapacity = 250;
    private double assetEventsPerSecond = 200;
    private int assets = 5_000;
    private int users = 50_000;
    private int bursts = 5;
    private double burstStrength = 20;
    private int burstWindows = 3;
    private long trendWindowMillis = 5_000;
    private int trendHistoryWindows = 60;

    private Builder() {}

    private Builder(SimulatorConfig c) {
      seed = c.seed;
      startMillis = c.startMillis;
      durationMillis = c.durationMillis;
      centerLat = c.centerLat;
      centerLon = c.centerLon;
      gridColumns = c.gridColumns;
      gridRows = c.gridRows;
      cellMeters = c.cellMeters;
      routes = c.routes;
      headwaySeconds = c.headwaySeconds;
      stopSpacingMeters = c.stopSpacingMeters;
      busSpeedMps = c.busSpeedMps;
      layoverSeconds = c.layoverSeconds;
      minReportIntervalMillis = c.minReportIntervalMillis;
      maxReportIntervalMillis = c.maxReportIntervalMillis;
      incidentsEnabled = c.incidentsEnabled;
      incidentsPerHour = c.incidentsPerHour;
      incidentRadiusMeters = c.incidentRadiusMeters;
      parkingEventsPerSecond = c.parkingEventsPerSecond;
      streetZones = c.streetZones;
      baysPerZone = c.baysPerZone;
      carParks = c.carParks;
      carParkCapacity = c.carParkCapacity;
      assetEventsPerSecond = c.assetEventsPerSecond;
      assets = c.assets;
      users = c.users;
      bursts = c.bursts;
      burstStrength = c.burstStrength;
      burstWindows = c.burstWindows;
      trendWindowMillis = c.trendWindowMillis;
      trendHistoryWindows = c.trendHistoryWindows;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder startMillis(long value) {
      startMillis = value;
      return this;
    }

    public Builder durationMillis(long value) {
      durationMillis = value;
      return this;
    }

    public Builder center(double lat, double lon) {
      centerLat = lat;
      centerLon = lon;
      return this;
    }

    public Builder grid(int columns, int rows, double cellSizeMeters) {
      gridColumns = columns;
      gridRows = rows;
      cellMeters = cellSizeMeters;
      return this;
    }

    public Builder routes(int value) {
      routes = value;
      return this;
    }

    public Builder headwaySeconds(int value) {
      headwaySeconds = value;
      return this;
    }

    public Builder stopSpacingMeters(double value) {
      stopSpacingMeters = value;
      return this;
    }

    public Builder busSpeedMps(double value) {
      busSpeedMps = value;
      return this;
    }

    public Builder layoverSeconds(int value) {
      layoverSeconds = value;
      return this;
    }

    public Builder reportIntervalMillis(long min, long max) {
      minReportIntervalMillis = min;
      maxReportIntervalMillis = max;
      return this;
    }

    public Builder incidentsEnabled(boolean value) {
      incidentsEnabled = value;
      return this;
    }

    public Builder incidentsPerHour(double value) {
      incidentsPerHour = value;
      return this;
    }

    public Builder incidentRadiusMeters(double value) {
      incidentRadiusMeters = value;
      return this;
    }

    public Builder parkingEventsPerSecond(double value) {
      parkingEventsPerSecond = value;
      return this;
    }

    public Builder streetZones(int zones, int bays) {
      streetZones = zones;
      baysPerZone = bays;
      return this;
    }

    public Builder carParks(int count, int meanCapacity) {
      carParks = count;
      carParkCapacity = meanCapacity;
      return this;
    }

    public Builder assetEventsPerSecond(double value) {
      assetEventsPerSecond = value;
      return this;
    }

    public Builder assets(int value) {
      assets = value;
      return this;
    }

    public Builder users(int value) {
      users = value;
      return this;
    }

    public Builder bursts(int value) {
      bursts = value;
      return this;
    }

    public Builder burstStrength(double value) {
      burstStrength = value;
      return this;
    }

    public Builder burstWindows(int value) {
      burstWindows = value;
      return this;
    }

    public Builder trendWindows(long windowMillis, int historyWindows) {
      trendWindowMillis = windowMillis;
      trendHistoryWindows = historyWindows;
      return this;
    }

    public SimulatorConfig build() {
      return new SimulatorConfig(seed, startMillis, durationMillis, centerLat, centerLon,
          gridColumns, gridRows, cellMeters, routes, headwaySeconds, stopSpacingMeters, busSpeedMps,
          layoverSeconds, minReportIntervalMillis, maxReportIntervalMillis, incidentsEnabled,
          incidentsPerHour, incidentRadiusMeters, parkingEventsPerSecond, streetZones, baysPerZone,
          carParks, carParkCapacity, assetEventsPerSecond, assets, users, bursts, burstStrength,
          burstWindows, trendWindowMillis, trendHistoryWindows);
    }
  }
}
