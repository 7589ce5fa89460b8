package io.nolambda.testing.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityIncident;
import io.nolambda.events.VehicleStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While incidents block the street near them, buses are held there and pass the stops there, which
 * shows as lower speeds there and longer expected waits at stops; the control run without incidents
 * has neither.
 */
class IncidentEffectTest {
  private static SimulatorConfig withIncidents;
  private static Simulation on;
  private static Simulation off;

  @BeforeAll
  static void simulate() {
    withIncidents = SimulatorConfig.builder()
        .durationMillis(6 * 3_600_000)
        .assetEventsPerSecond(0)
        .parkingEventsPerSecond(0)
        .incidentsPerHour(6)
        .build();
    on = new CitySimulator(withIncidents).run();
    off = new CitySimulator(withIncidents.toBuilder().incidentsEnabled(false).build()).run();
  }

  @Test
  void theControlRunHasNoIncidents() {
    assertThat(off.truth().incidents()).isEmpty();
    assertThat(TestEvents.payloads(off.events(), CityIncident.class)).isEmpty();
    assertThat(TestEvents.payloads(on.events(), CityIncident.class)).isNotEmpty();
  }

  @Test
  void busesSlowDownNearBlockingIncidentsOnlyWhenThereAreIncidents() {
    // The places and times the incidents block, in both runs: only the run with them slows there.
    List<Incident> incidents = on.truth().incidents();
    assertThat(speedNearIncidents(on, incidents) / speedElsewhere(on, incidents)).isLessThan(0.6);
    assertThat(speedNearIncidents(off, incidents) / speedElsewhere(off, incidents))
        .isBetween(0.9, 1.1);
  }

  @Test
  void incidentsRaiseTheExpectedWaitAtStops() {
    double scheduled = withIncidents.headwaySeconds() / 2.0;
    double waitOn = meanExpectedWaitSeconds(on);
    double waitOff = meanExpectedWaitSeconds(off);
    assertThat(waitOff).isBetween(scheduled, scheduled * 1.1);
    assertThat(waitOn).isGreaterThan(waitOff + 20);
  }

  private static double speedNearIncidents(Simulation run, List<Incident> incidents) {
    return meanMovingSpeed(run, incidents, true);
  }

  private static double speedElsewhere(Simulation run, List<Incident> incidents) {
    return meanMovingSpeed(run, incidents, false);
  }

  /** Mean reported speed of buses between stops, inside or outside a blocking incident's radius. */
  private static double meanMovingSpeed(Simulation run, List<Incident> incidents, boolean near) {
    CityGrid grid = run.truth().grid();
    double sum = 0;
    int n = 0;
    for (BusPosition b : TestEvents.payloads(run.events(), BusPosition.class)) {
      if (b.getStatus() == VehicleStatus.STOPPED_AT) {
        continue;
      }
      boolean isNear = incidents.stream().anyMatch(i -> i.blocksAt(b.getEventTime())
          && TestEvents.meters(grid, b.getLat(), b.getLon(), i.lat(), i.lon())
              < withIncidents.incidentRadiusMeters());
      if (isNear == near) {
        sum += b.getSpeedMps();
        n++;
      }
    }
    assertThat(n).isGreaterThan(200);
    return sum / n;
  }

  /**
   * DESIGN.md 4: arrival = first STOPPED_AT report of a trip at a stop; expected wait =
   * sum(h^2) / (2 sum(h)) over the headways at a stop; averaged over the stops.
   */
  private static double meanExpectedWaitSeconds(Simulation run) {
    Map<String, Map<String, Long>> arrivals = new HashMap<>(); // stop -> trip -> time
    for (BusPosition b : TestEvents.payloads(run.events(), BusPosition.class)) {
      if (b.getStatus() == VehicleStatus.STOPPED_AT) {
        arrivals.computeIfAbsent(b.getStopId(), s -> new HashMap<>())
            .putIfAbsent(b.getTripId(), b.getEventTime());
      }
    }
    double total = 0;
    for (Map<String, Long> byTrip : arrivals.values()) {
      long[] times = byTrip.values().stream().mapToLong(Long::longValue).sorted().toArray();
      double sum = 0;
      double squares = 0;
      for (int i = 1; i < times.length; i++) {
        double h = (times[i] - times[i - 1]) / 1000.0;
        sum += h;
        squares += h * h;
      }
      total += squares / (2 * sum);
    }
    return total / arrivals.size();
  }
}
