package io.nolambda.testing.simulator;

import io.nolambda.events.CityIncident;
import io.nolambda.events.IncidentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replays the planned incidents as OPENED and CLOSED events; a close after the run is not seen. */
final class IncidentGenerator implements PartGenerator {
  private record Change(long millis, Incident incident, IncidentStatus status) {}

  private final List<Change> changes = new ArrayList<>();
  private int next;

  IncidentGenerator(List<Incident> incidents, long endMillis) {
    for (Incident incident : incidents) {
      changes.add(new Change(incident.openMillis(), incident, IncidentStatus.OPENED));
      if (incident.closeMillis() < endMillis) {
        changes.add(new Change(incident.closeMillis(), incident, IncidentStatus.CLOSED));
      }
    }
    changes.sort(Comparator.comparingLong(Change::millis)); // stable: ties keep plan order
  }

  @Override
  public void advance(long untilMillis, SliceBuffer out) {
    while (next < changes.size() && changes.get(next).millis() < untilMillis) {
      Change c = changes.get(next++);
      Incident i = c.incident();
      out.add(c.millis(), new CityIncident(null, c.millis(), i.incidentId(), i.source(),
          i.category(), i.lat(), i.lon(), c.status()));
    }
  }
}
