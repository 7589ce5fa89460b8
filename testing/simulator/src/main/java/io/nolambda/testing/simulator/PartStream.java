package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import org.apache.avro.specific.SpecificRecord;

/**
 * The ordered events of one part: advances its generator a slice at a time, sorts the slice and
 * gives each event the id {@code <prefix><10-digit sequence>}. The sequence follows the output order,
 * so within a part (event time, event id) order is the output order, and ids are stable across runs.
 */
final class PartStream {
  private final String idPrefix;
  private final PartGenerator generator;
  private final long endMillis;
  private final long sliceMillis;
  private final SliceBuffer buffer = new SliceBuffer();
  private long sliceStart;
  private long sequence;
  private CityEvent[] events = new CityEvent[0];
  private long[] times = new long[0];
  private int count;
  private int next;

  PartStream(String idPrefix, PartGenerator generator, long startMillis, long endMillis,
      long sliceMillis) {
    this.idPrefix = idPrefix;
    this.generator = generator;
    this.endMillis = endMillis;
    this.sliceMillis = sliceMillis;
    this.sliceStart = startMillis;
  }

  /** Whether an event is left; fills the next non-empty slice if needed. */
  boolean hasNext() {
    while (next == count && sliceStart < endMillis) {
      fillSlice();
    }
    return next < count;
  }

  long headTime() {
    return times[next];
  }

  CityEvent head() {
    return events[next];
  }

  CityEvent next() {
    return events[next++];
  }

  private void fillSlice() {
    long sliceEnd = Math.min(sliceStart + sliceMillis, endMillis);
    buffer.reset(sliceStart);
    generator.advance(sliceEnd, buffer);
    buffer.sort();
    count = buffer.size();
    next = 0;
    if (events.length < count) {
      events = new CityEvent[count];
      times = new long[count];
    }
    for (int i = 0; i < count; i++) {
      long time = buffer.timeAt(i);
      if (time < sliceStart || time >= sliceEnd) {
        throw new IllegalStateException(idPrefix + " event at " + time + " outside its slice ["
            + sliceStart + ", " + sliceEnd + ")");
      }
      Object payload = buffer.payloadAt(i);
      CityEvents.setEventId((SpecificRecord) payload, id(sequence++));
      events[i] = new CityEvent(payload);
      times[i] = time;
    }
    buffer.reset(sliceEnd);
    sliceStart = sliceEnd;
  }

  private String id(long n) {
    char[] digits = new char[10];
    for (int i = 9; i >= 0; i--) {
      digits[i] = (char) ('0' + n % 10);
      n /= 10;
    }
    return idPrefix.concat(new String(digits));
  }
}
