package io.nolambda.testing.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nolambda.events.BusPosition;
import io.nolambda.events.VehicleStatus;
import io.nolambda.gtfs.GtfsFeed;
import io.nolambda.gtfs.Stop;
import io.nolambda.gtfs.StopTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The GTFS feed describes the grid network, and the buses run it. */
class TransitTimetableTest {
  private static final long DAY = 86_400_000;

  private final SimulatorConfig config = SimulatorConfig.builder()
      .durationMillis(3 * 3_600_000)
      .assetEventsPerSecond(0)
      .parkingEventsPerSecond(0)
      .incidentsEnabled(false)
      .build();

  @Test
  void theFeedHasEveryTripOfTheDayAlongStraightStreets() {
    GroundTruth truth = new CitySimulator(config).groundTruth();
    GtfsFeed feed = truth.feed();
    CityGrid grid = truth.grid();
    int tripsPerDirection = 86_400 / config.headwaySeconds();
    assertThat(feed.trips()).hasSize(config.routes() * 2 * tripsPerDirection);
    assertThat(feed.stops()).hasSize(config.routes() * 2 * 12);
    for (Stop stop : feed.stops().values()) {
      assertThat(grid.cellIdAt(stop.lat(), stop.lon())).as(stop.name()).isNotNull();
    }

    Map<String, List<StopTime>> byTrip = feed.stopTimes().stream()
        .collect(Collectors.groupingBy(StopTime::tripId));
    assertThat(byTrip.keySet()).isEqualTo(feed.trips().keySet());
    for (List<StopTime> times : byTrip.values()) {
      times.sort(Comparator.comparingInt(StopTime::stopSequence));
      for (int i = 1; i < times.size(); i++) {
        StopTime before = times.get(i - 1);
        StopTime st = times.get(i);
        assertThat(st.arrivalSeconds()).isGreaterThan(before.departureSeconds());
        assertThat(st.departureSeconds()).isGreaterThanOrEqualTo(st.arrivalSeconds());
        Stop from = feed.stops().get(before.stopId());
        Stop to = feed.stops().get(st.stopId());
        assertThat(TestEvents.meters(grid, from.lat(), from.lon(), to.lat(), to.lon()))
            .isCloseTo(config.stopSpacingMeters(), within(1.0));
      }
    }
  }

  @Test
  void busesKeepCloseToTheTimetableWithoutIncidents() {
    Simulation run = new CitySimulator(config).run();
    GtfsFeed feed = run.truth().feed();
    Map<String, StopTime> scheduled = new HashMap<>();
    for (StopTime st : feed.stopTimes()) {
      scheduled.put(st.tripId() + "/" + st.stopId(), st);
    }
    Map<String, Long> arrivals = new HashMap<>();
    for (BusPosition b : TestEvents.payloads(run.events(), BusPosition.class)) {
      if (b.getStatus() == VehicleStatus.STOPPED_AT) {
        arrivals.putIfAbsent(b.getTripId() + "/" + b.getStopId(), b.getEventTime());
      }
    }
    List<Double> lateness = new ArrayList<>();
    for (Map.Entry<String, Long> arrival : arrivals.entrySet()) {
      StopTime st = scheduled.get(arrival.getKey());
      assertThat(st).as(arrival.getKey()).isNotNull();
      if (st.stopSequence() > 1) {
        // Trips run daily: the scheduled time is on the day of the arrival, or the day before.
        long ofDay = Math.floorMod(arrival.getValue(), DAY);
        double late = (ofDay - st.arrivalSeconds() * 1000L) / 1000.0;
        lateness.add(late < -DAY / 2000.0 ? late + DAY / 1000.0 : late);
      }
    }
    double mean = lateness.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(lateness).hasSizeGreaterThan(1000).allMatch(l -> Math.abs(l) < 600);
    assertThat(mean).isBetween(-60.0, 120.0);
  }
}
