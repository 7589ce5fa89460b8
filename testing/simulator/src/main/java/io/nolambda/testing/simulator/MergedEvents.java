package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvents;
import io.nolambda.events.CityEvent;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Merges the ordered part streams into one stream ordered by event time, then event id. */
final class MergedEvents implements Iterator<CityEvent> {
  private final PartStream[] parts;

  MergedEvents(PartStream... parts) {
    this.parts = parts;
  }

  @Override
  public boolean hasNext() {
    for (PartStream part : parts) {
      if (part.hasNext()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public CityEvent next() {
    PartStream best = null;
    for (PartStream part : parts) {
      if (part.hasNext() && (best == null || before(part, best))) {
        best = part;
      }
    }
    if (best == null) {
      throw new NoSuchElementException();
    }
    return best.next();
  }

  private static boolean before(PartStream a, PartStream b) {
    if (a.headTime() != b.headTime()) {
      return a.headTime() < b.headTime();
    }
    return CityEvents.eventId(a.head()).compareTo(CityEvents.eventId(b.head())) < 0;
  }
}
