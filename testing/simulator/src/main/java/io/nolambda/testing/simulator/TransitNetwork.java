package io.nolambda.testing.simulator;

import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import io.nolambda.gtfs.Trip;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bus network of the grid city: routes alternate east-west and north-south along interior
 * streets spread evenly over the grid, each in both directions, and the daily GTFS timetable they
 * run (all day, fixed headway, UTC, one service "daily").
 */
final class TransitNetwork {
  static final String SERVICE_ID = "daily";
  private static final int SECONDS_PER_DAY = 86_400;

  final List<BusRoute> routes = new ArrayList<>();
  private final CityGrid grid;

  TransitNetwork(SimulatorConfig config, CityGrid grid) {
    this.grid = grid;
    int eastWest = (config.routes() + 1) / 2;
    int northSouth = config.routes() / 2;
    for (int r = 0; r < config.routes(); r++) {
      boolean horizontal = r % 2 == 0;
      int nth = r / 2;
      String routeId = "R" + (r + 1);
      RoutePattern[] patterns = horizontal
          ? eastWestPatterns(config, routeId, lineIndex(nth, eastWest, grid.rows()))
          : northSouthPatterns(config, routeId, lineIndex(nth, northSouth, grid.columns()));
      routes.add(new BusRoute(r, routeId, patterns[0], patterns[1],
          config.headwaySeconds() * 1000L, config.layoverSeconds() * 1000L));
    }
  }

  /** The nth of `count` interior streets spread evenly across `cells` blocks. */
  private static int lineIndex(int nth, int count, int cells) {
    return (int) Math.round((nth + 1) * (double) cells / (count + 1));
  }

  private RoutePattern[] eastWestPatterns(SimulatorConfig c, String routeId, int row) {
    int blocks = grid.columns();
    int perStop = blocksPerStop(c, blocks);
    double y = row * grid.cellMeters();
    return new RoutePattern[] {
      new RoutePattern(routeId, 0, 0, y, 1, 0, blocks, grid.cellMeters(), perStop, c.busSpeedMps()),
      new RoutePattern(routeId, 1, grid.widthMeters(), y, -1, 0, blocks, grid.cellMeters(), perStop,
          c.busSpeedMps())
    };
  }

  private RoutePattern[] northSouthPatterns(SimulatorConfig c, String routeId, int column) {
    int blocks = grid.rows();
    int perStop = blocksPerStop(c, blocks);
    double x = column * grid.cellMeters();
    return new RoutePattern[] {
      new RoutePattern(routeId, 0, x, 0, 0, 1, blocks, grid.cellMeters(), perStop, c.busSpeedMps()),
      new RoutePattern(routeId, 1, x, grid.heightMeters(), 0, -1, blocks, grid.cellMeters(), perStop,
          c.busSpeedMps())
    };
  }

  /** Stop spacing in whole blocks, leaving at least two stops on the street. */
  private int blocksPerStop(SimulatorConfig c, int blocks) {
    long wanted = Math.round(c.stopSpacingMeters() / grid.cellMeters());
    return (int) Math.max(1, Math.min(wanted, blocks - 1));
  }

  List<String> vehicleIds() {
    List<String> ids = new ArrayList<>();
    for (BusRoute route : routes) {
      for (int v = 0; v < route.vehicles; v++) {
        ids.add(route.vehicleId(v));
      }
    }
    return ids;
  }

  /** The timetable of one service day; every trip repeats daily. */
  GtfsFeed feed() {
    Map<String, Stop> stops = new LinkedHashMap<>();
    Map<String, Trip> trips = new LinkedHashMap<>();
    List<StopTime> stopTimes = new ArrayList<>();
    for (BusRoute route : routes) {
      int headway = (int) (route.headwayMillis / 1000);
      for (int d = 0; d < 2; d++) {
        RoutePattern p = route.patterns[d];
        for (int i = 0; i <= p.lastStop(); i++) {
          double along = p.stopAlong[i];
          stops.put(p.stopIds[i], new Stop(p.stopIds[i], stopName(p, along),
              grid.lat(p.y(along)), grid.lon(p.x(along))));
        }
        int firstDeparture = d == 0 ? 0 : (int) (route.returnOffsetMillis() / 1000 % headway);
        for (int dep = firstDeparture; dep < SECONDS_PER_DAY; dep += headway) {
          String tripId = route.tripId(d, dep * 1000L);
          trips.put(tripId, new Trip(tripId, route.routeId, SERVICE_ID, d));
          for (int i = 0; i <= p.lastStop(); i++) {
            stopTimes.add(new StopTime(tripId, p.stopIds[i], i + 1,
                dep + p.scheduledArrival[i], dep + p.scheduledDeparture[i]));
          }
        }
      }
    }
    return new GtfsFeed(ZoneOffset.UTC, stops, trips, stopTimes);
  }

  /** "D St & 4th Ave EB": the street, the cross street just passed, the heading. */
  private String stopName(RoutePattern p, double along) {
    double x = p.x(along);
    double y = p.y(along);
    double cell = grid.cellMeters();
    String heading = switch ((int) p.bearing) {
      case 0 -> "NB";
      case 90 -> "EB";
      case 180 -> "SB";
      default -> "WB";
    };
    boolean eastWest = heading.equals("EB") || heading.equals("WB");
    int street = (int) Math.round((eastWest ? y : x) / cell);
    int cross = (int) Math.floor((eastWest ? x : y) / cell);
    if (heading.equals("WB") || heading.equals("SB")) {
      cross++; // heading west or south, the cross street just passed is the next one up
    }
    return eastWest
        ? streetName(street) + " & " + avenueName(cross) + " " + heading
        : avenueName(street) + " & " + streetName(cross) + " " + heading;
  }

  /** East-west streets are lettered from the south. */
  private static String streetName(int index) {
    return (index < 26 ? String.valueOf((char) ('A' + index)) : "Z" + index) + " St";
  }

  /** North-south avenues are numbered from the west. */
  private static String avenueName(int index) {
    int n = index + 1;
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix + " Ave";
  }
}
