package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import io.nolambda.events.ParkingEvent;
import io.nolambda.events.VehicleStatus;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties every event of a busy two-hour run must have. */
class InvariantsTest {
  private static final double NEAR_ROUTE_METERS = 20; // lane offset 5 m + GPS noise (sigma 3 m)

  private static Simulation run;
  private static SimulatorConfig config;

  @BeforeAll
  static void simulate() {
    config = SimulatorConfig.builder()
        .durationMillis(2 * 3_600_000)
        .assetEventsPerSecond(20)
        .incidentsPerHour(10)
        .parkingEventsPerSecond(2)
        .build();
    run = new CitySimulator(config).run();
  }

  @Test
  void idsAreUniqueAndEventsOrderedWithinTheRun() {
    Set<String> ids = new HashSet<>();
    CityEvent previous = null;
    for (CityEvent event : run.events()) {
      assertThat(ids.add(CityEvents.eventId(event))).as("unique id").isTrue();
      assertThat(CityEvents.eventTime(event))
          .isGreaterThanOrEqualTo(config.startMillis())
          .isLessThan(config.endMillis());
      if (previous != null) {
        assertThat(CityEvents.ORDER.compare(previous, event)).isNegative();
      }
      previous = event;
    }
    assertThat(ids).hasSizeGreaterThan(100_000);
  }

  @Test
  void baysAlternateAndCarParksStayWithinCapacity() {
    Map<String, ParkingZone> zones = run.truth().parkingZones().stream()
        .collect(Collectors.toMap(ParkingZone::zoneId, Function.identity()));
    Map<String, Boolean> bayState = new HashMap<>();
    Map<String, Integer> free = new HashMap<>();
    for (ParkingEvent e : TestEvents.payloads(run.events(), ParkingEvent.class)) {
      ParkingZone zone = zones.get(e.getZoneId());
      assertThat(zone).as("zone " + e.getZoneId()).isNotNull();
      if (e.getBayId() != null) {
        assertThat(zone.bays()).extracting(ParkingZone.Bay::bayId).contains(e.getBayId());
        Boolean before = bayState.put(e.getBayId(), e.getOccupied());
        if (before != null) {
          assertThat(e.getOccupied()).as("a bay changes state").isNotEqualTo(before);
        }
      } else {
        assertThat(e.getFacilityId()).isEqualTo(zone.facilityId());
        assertThat(e.getCapacity()).isEqualTo(zone.capacity());
        assertThat(e.getFree()).isBetween(0, zone.capacity());
        Integer before = free.put(e.getFacilityId(), e.getFree());
        if (before != null) {
          assertThat(Math.abs(e.getFree() - before)).as("one car at a time").isEqualTo(1);
        }
      }
    }
    int bays = zones.values().stream().mapToInt(z -> z.bays().size()).sum();
    assertThat(bayState).as("every bay reported").hasSize(bays);
    assertThat(free).hasSize(config.carParks());
  }

  @Test
  void busesStayOnTheirRoutesAndTimetable() {
    GtfsFeed feed = run.truth().feed();
    CityGrid grid = run.truth().grid();
    Map<String, List<Stop>> tripStops = new HashMap<>();
    for (StopTime st : feed.stopTimes()) {
      tripStops.computeIfAbsent(st.tripId(), t -> new ArrayList<>())
          .add(feed.stops().get(st.stopId()));
    }
    Set<String> vehicles = new HashSet<>();
    for (BusPosition b : TestEvents.payloads(run.events(), BusPosition.class)) {
      vehicles.add(b.getVehicleId());
      assertThat(feed.trips().get(b.getTripId()).routeId()).isEqualTo(b.getRouteId());
      assertThat(feed.trips().get(b.getTripId()).directionId()).isEqualTo(b.getDirectionId());
      List<Stop> stops = tripStops.get(b.getTripId());
      Stop first = stops.get(0);
      Stop last = stops.get(stops.size() - 1);
      assertThat(distanceToSegment(grid, b, first, last)).isLessThan(NEAR_ROUTE_METERS);
      assertThat(stops).extracting(Stop::stopId).contains(b.getStopId());
      assertThat(b.getSpeedMps()).isBetween(0.0, 2 * config.busSpeedMps());
      if (b.getStatus() == VehicleStatus.STOPPED_AT) {
        Stop stop = feed.stops().get(b.getStopId());
        assertThat(TestEvents.meters(grid, b.getLat(), b.getLon(), stop.lat(), stop.lon()))
            .isLessThan(NEAR_ROUTE_METERS);
        assertThat(b.getSpeedMps()).isZero();
      }
    }
    assertThat(vehicles).containsExactlyInAnyOrderElementsOf(run.truth().vehicleIds());
  }

  private static double distanceToSegment(CityGrid grid, BusPosition b, Stop from, Stop to) {
    double ax = grid.x(from.lon());
    double ay = grid.y(from.lat());
    double dx = grid.x(to.lon()) - ax;
    double dy = grid.y(to.lat()) - ay;
    double px = grid.x(b.getLon()) - ax;
    double py = grid.y(b.getLat()) - ay;
    double t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - t * dx, py - t * dy);
  }

  @Test
  void incidentsOpenThenCloseAsPlanned() {
    Map<String, Incident> planned = run.truth().incidents().stream()
        .collect(Collectors.toMap(Incident::incidentId, Function.identity()));
    Map<String, List<CityIncident>> seen = new TreeMap<>();
    for (CityIncident e : TestEvents.payloads(run.events(), CityIncident.class)) {
      seen.computeIfAbsent(e.getIncidentId(), id -> new ArrayList<>()).add(e);
    }
    assertThat(seen.keySet()).isEqualTo(planned.keySet());
    CityGrid grid = run.truth().grid();
    for (Map.Entry<String, List<CityIncident>> entry : seen.entrySet()) {
      Incident incident = planned.get(entry.getKey());
      List<CityIncident> events = entry.getValue();
      assertThat(events.get(0).getStatus()).isEqualTo(IncidentStatus.OPENED);
      assertThat(events.get(0).getEventTime()).isEqualTo(incident.openMillis());
      boolean closesInRun = incident.closeMillis() < config.endMillis();
      assertThat(events).hasSize(closesInRun ? 2 : 1);
      if (closesInRun) {
        assertThat(events.get(1).getStatus()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(events.get(1).getEventTime()).isEqualTo(incident.closeMillis());
      }
      assertThat(events.get(0).getSource()).isIn("311", "911").isEqualTo(incident.source());
      assertThat(grid.cellIdAt(events.get(0).getLat(), events.get(0).getLon()))
          .isEqualTo(incident.cellId())
          .isNotNull();
    }
  }

  @Test
  void assetEventsUseTheKnownAudience() {
    for (AssetEvent e : TestEvents.payloads(run.events(), AssetEvent.class)) {
      assertThat(e.getOs()).isIn((Object[]) AssetCatalog.OS);
      assertThat(e.getRegion()).isIn((Object[]) AssetCatalog.REGIONS);
      assertThat(e.getAssetId()).startsWith("asset-");
    }
  }
}
