package io.nolambda.pipelines.transit;

import io.nolambda.events.BusPosition;
import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.CityIncident;
import java.util.ArrayList;
import java.util.List;

/** Events the transit transforms refuse, made from a city's first bus position and incident. */
final class RefusedEvents {
  private RefusedEvents() {}

  /**
   * The city's events and three more: "no-fix", a position at (0, 0) (refused by arrivals and speed,
   * missing coordinates); "bad-stop", at a stop the feed lacks (by arrivals, unknown stop); and
   * "nowhere", an incident without coordinates (by the cells).
   */
  static List<CityEvent> addedTo(List<CityEvent> city) {
    List<CityEvent> events = new ArrayList<>(city);
    BusPosition any = city.stream().map(CityEvent::getPayload).filter(BusPosition.class::isInstance)
        .map(BusPosition.class::cast).findFirst().orElseThrow();
    CityIncident incident = city.stream().map(CityEvent::getPayload).filter(CityIncident.class::isInstance)
        .map(CityIncident.class::cast).findFirst().orElseThrow();
    events.add(CityEvents.of(BusPosition.newBuilder(any).setEventId("no-fix").setLat(0).setLon(0).build()));
    events.add(CityEvents.of(BusPosition.newBuilder(any).setEventId("bad-stop").setStopId("no-such-stop").build()));
    events.add(CityEvents.of(CityIncident.newBuilder(incident).setEventId("nowhere").setLat(null).setLon(null).build()));
    return events;
  }
}
