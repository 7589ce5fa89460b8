package io.nolambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void roundTripsEveryKindWithNulls() {
    CityEvent bus = CityEvents.of(BusPosition.newBuilder().setEventId("b1").setEventTime(5L)
        .setVehicleId("v").setRouteId("r").setDirectionId(0).setTripId("t").setLat(1.5).setLon(-2.5)
        .setStatus(VehicleStatus.IN_TRANSIT_TO).build());
    CityEvent parking = CityEvents.of(ParkingEvent.newBuilder().setEventId("p1").setEventTime(6L)
        .setZoneId("z").setFacilityId("f").setCapacity(100).setFree(3).build());
    CityEvent incident = CityEvents.of(CityIncident.newBuilder().setEventId("i1").setEventTime(7L)
        .setIncidentId("i").setSource("311").setCategory("Noise").setStatus(IncidentStatus.OPENED).build());
    CityEvent asset = CityEvents.of(AssetEvent.newBuilder().setEventId("a1").setEventTime(8L)
        .setAssetId("/x").setAction(AssetAction.CLICK).setOs("linux").setRegion("eu").setUserId("u").build());
    for (CityEvent e : new CityEvent[] {bus, parking, incident, asset}) {
      assertThat(EventJson.decode(EventJson.encode(e))).isEqualTo(e);
    }
  }

  @Test
  void writesFlatFieldsWithKind() {
    CityEvent e = CityEvents.of(ParkingEvent.newBuilder().setEventId("p1").setEventTime(6L)
        .setZoneId("z").setBayId("b").setOccupied(true).build());
    assertThat(EventJson.encode(e))
        .startsWith("{\"kind\":\"ParkingEvent\",\"event_id\":\"p1\",\"event_time\":6,\"zone_id\":\"z\",\"bay_id\":\"b\",\"occupied\":true");
  }

  @Test
  void missingNullableFieldsTakeTheirDefault() {
    CityEvent e = EventJson.decode(
        "{\"kind\":\"AssetEvent\",\"event_id\":\"a\",\"event_time\":1,\"asset_id\":\"x\",\"action\":\"VIEW\",\"os\":\"ios\",\"region\":\"us\",\"extra\":1}");
    assertThat(((AssetEvent) e.getPayload()).getUserId()).isNull();
  }

  @Test
  void rejectsBadInputNamingTheField() {
    assertThatThrownBy(() -> EventJson.decode("{\"kind\":\"Nope\"}"))
        .hasMessageContaining("unknown kind 'Nope'");
    assertThatThrownBy(() -> EventJson.decode("{\"kind\":\"AssetEvent\",\"event_id\":\"a\",\"event_time\":\"soon\"}"))
        .hasMessageContaining("field 'event_time' must be an integer");
    assertThatThrownBy(() -> EventJson.decode("{\"kind\":\"AssetEvent\",\"event_id\":\"a\",\"event_time\":1,\"asset_id\":\"x\",\"action\":\"LIKE\"}"))
        .hasMessageContaining("field 'action' must be one of [VIEW, CLICK, CART, PURCHASE]");
    assertThatThrownBy(() -> EventJson.decode("{\"kind\":\"AssetEvent\",\"event_id\":\"a\"}"))
        .hasMessageContaining("field 'event_time' is required");
    assertThatThrownBy(() -> EventJson.decode("{\"kind\":"))
        .hasMessageContaining("not JSON");
  }
}
