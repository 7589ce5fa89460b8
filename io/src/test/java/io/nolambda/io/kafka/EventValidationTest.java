package io.nolambda.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import io.nolambda.events.ParkingEvent;
import io.nolambda.events.VehicleStatus;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.io.UndecodableEventException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventValidationTest {
  static BusPosition bus() {
    return BusPosition.newBuilder().setEventId("bus-1").setEventTime(1_700_000_000_000L).setVehicleId("v1")
        .setRouteId("r1").setDirectionId(0).setTripId("t1").setLat(38.9).setLon(-77.0).setBearing(90.0)
        .setSpeedMps(8.0).setStatus(VehicleStatus.IN_TRANSIT_TO).build();
  }

  static ParkingEvent carPark() {
    return ParkingEvent.newBuilder().setEventId("parking-1").setEventTime(1_700_000_000_000L).setZoneId("z1")
        .setFacilityId("f1").setCapacity(250).setFree(10).setLat(38.9).setLon(-77.0).build();
  }

  private static void assertInvalid(Object payload, String expectedDetail) {
    assertThatThrownBy(() -> EventValidation.validate(CityEvents.of((org.apache.avro.specific.SpecificRecord) payload)))
        .isInstanceOfSatisfying(UndecodableEventException.class, e -> {
          assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_VALUE);
          assertThat(e.getMessage()).isEqualTo(expectedDetail);
        });
  }

  private static BusPosition bus(Consumer<BusPosition> change) {
    BusPosition b = bus();
    change.accept(b);
    return b;
  }

  private static ParkingEvent carPark(Consumer<ParkingEvent> change) {
    ParkingEvent p = carPark();
    change.accept(p);
    return p;
  }

  @Test
  void validEventsPass() {
    EventValidation.validate(CityEvents.of(bus()));
    EventValidation.validate(CityEvents.of(carPark()));
    EventValidation.validate(CityEvents.of(AssetEvent.newBuilder().setEventId("a").setEventTime(1).setAssetId("x")
        .setAction(AssetAction.VIEW).setOs("ios").setRegion("eu").build()));
    EventValidation.validate(CityEvents.of(CityIncident.newBuilder().setEventId("i").setEventTime(1).setIncidentId("x")
        .setSource("311").setCategory("noise").setStatus(IncidentStatus.OPENED).build()));
  }

  @Test
  void outOfRangeValuesNameTheField() {
    assertInvalid(bus(b -> b.setLat(200.0)), "BusPosition.lat = 200.0 is not in [-90, 90]");
    assertInvalid(bus(b -> b.setLon(-180.5)), "BusPosition.lon = -180.5 is not in [-180, 180]");
    assertInvalid(bus(b -> b.setLat(Double.NaN)), "BusPosition.lat = NaN is not in [-90, 90]");
    assertInvalid(bus(b -> b.setEventTime(0)), "BusPosition.event_time = 0 is not > 0");
    assertInvalid(bus(b -> b.setSpeedMps(-1.0)), "BusPosition.speed_mps = -1.0 is not in [0, 150]");
    assertInvalid(bus(b -> b.setVehicleId("")), "BusPosition.vehicle_id is empty");
    assertInvalid(carPark(p -> p.setCapacity(0)), "ParkingEvent.capacity = 0 is not > 0");
    assertInvalid(carPark(p -> p.setFree(-3)), "ParkingEvent.free = -3 is not >= 0");
    assertInvalid(carPark(p -> p.setLat(-91.0)), "ParkingEvent.lat = -91.0 is not in [-90, 90]");
  }
}
