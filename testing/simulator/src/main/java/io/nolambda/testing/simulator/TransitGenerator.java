package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;

/** The buses of the city; each vehicle has its own random stream, keyed by its id. */
final class TransitGenerator implements PartGenerator {
  private final List<BusVehicle> vehicles = new ArrayList<>();

  TransitGenerator(SimulatorConfig config, CityGrid grid, TransitNetwork network,
      List<Incident> incidents) {
    TripPlanner planner = new TripPlanner(config, grid, network.routes, incidents);
    for (BusRoute route : network.routes) {
      for (int v = 0; v < route.vehicles; v++) {
        vehicles.add(new BusVehicle(route, v, planner, grid, config,
            Seeds.rng(config.seed(), "transit/" + route.vehicleId(v))));
      }
    }
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    for (BusVehicle vehicle : vehicles) {
      vehicle.advance(untilMillis, out);
    }
  }
}
