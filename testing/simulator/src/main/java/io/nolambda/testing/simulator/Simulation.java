package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvent;
import java.util.List;

/** A whole run held in memory: the events in order (event time, then event id) and the truth. */
public record Simulation(GroundTruth truth, List<CityEvent> events) {

  public Simulation {
    events = List.copyOf(events);
  }
}
