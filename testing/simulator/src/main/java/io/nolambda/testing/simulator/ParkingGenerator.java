package io.nolambda.testing.simulator;

import java.util.ArrayList;
import java.util.List;

/** The parking zones of the city: every bay and car park has its own random stream. */
final class ParkingGenerator implements PartGenerator {
  private final List<PartGenerator> sensors = new ArrayList<>();

  ParkingGenerator(SimulatorConfig config, List<ParkingZone> zones) {
    long start = config.startMillis();
    for (ParkingZone zone : zones) {
      if (zone.kind() == ParkingZone.Kind.CAR_PARK) {
        sensors.add(new CarPark(zone, start, Seeds.rng(config.seed(), "parking/" + zone.zoneId())));
      }
      for (ParkingZone.Bay bay : zone.bays()) {
        sensors.add(new BaySensor(zone, bay, start,
            Seeds.rng(config.seed(), "parking/" + bay.bayId())));
      }
    }
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    for (PartGenerator sensor : sensors) {
      sensor.advance(untilMillis, out);
    }
  }
}
