package io.nolambda.transforms.parking;

import io.nolambda.transforms.EventTimeWindows;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Carries a report into every window it can affect (DESIGN.md 5): its own and each later window
 * starting less than twice the stale horizon after it. One horizon because the state it sets is
 * known that long (a car parked across many windows counts in each); the second so that a window
 * also sees the report before any arrival it contains, which tells whether that arrival is a real
 * one (free before) or a first snapshot, and so whether the session's dwell is known. Each copy is
 * stamped at the end of its target window, never earlier than its input.
 */
final class CarryChanges extends DoFn<KV<String, ParkingChange>, KV<String, ParkingChange>> {
  private final long window;
  private final long reach;

  CarryChanges(Duration window, Duration horizon) {
    this.window = window.getMillis();
    this.reach = 2 * horizon.getMillis();
  }

  @ProcessElement
  public void process(@Element KV<String, ParkingChange> change,
      OutputReceiver<KV<String, ParkingChange>> out) {
    EventTimeWindows.startsBefore(change.getValue().time(), window, reach)
        .forEach(start -> out.outputWithTimestamp(change, new Instant(start + window - 1)));
  }
}
