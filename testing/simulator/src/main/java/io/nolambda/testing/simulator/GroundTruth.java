package io.nolambda.testing.simulator;

import io.nolambda.gtfs.GtfsFeed;
import java.util.List;

/**
 * What the simulator put into the city, for tests to check that pipelines find it: the grid, the
 * transit timetable and fleet, the incidents (which hold buses near them), the parking zones, and
 * the injected trending bursts. Known before any event is generated.
 */
public record GroundTruth(
    SimulatorConfig config,
    CityGrid grid,
    GtfsFeed feed,
    List<String> vehicleIds,
    List<Incident> incidents,
    List<ParkingZone> parkingZones,
    List<Burst> bursts) {

  public GroundTruth {
    vehicleIds = List.copyOf(vehicleIds);
    incidents = List.copyOf(incidents);
    parkingZones = List.copyOf(parkingZones);
    bursts = List.copyOf(bursts);
  }
}
