package io.nolambda.testing.simulator;

import java.util.Arrays;

/**
 * The events of one part in one time slice, sorted by event time with ties kept in the order they
 * were added (the generators add them in a fixed entity order, so ties resolve deterministically).
 */
final class SliceBuffer {
  private long[] times = new long[1024];
  private Object[] payloads = new Object[1024];
  private long[] order = new long[1024];
  private int size;
  private long base;

  void reset(long sliceStartMillis) {
    Arrays.fill(payloads, 0, size, null);
    size = 0;
    base = sliceStartMillis;
  }

  void add(long eventTime, Object payload) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      payloads = Arrays.copyOf(payloads, size * 2);
      order = new long[size * 2];
    }
    times[size] = eventTime;
    payloads[size] = payload;
    size++;
  }

  int size() {
    return size;
  }

  /** Sorts by (time, insertion index), packed into one long: slices are far shorter than 2^31 ms. */
  void sort() {
    for (int i = 0; i < size; i++) {
      order[i] = ((times[i] - base) << 32) | i;
    }
    Arrays.sort(order, 0, size);
  }

  long timeAt(int rank) {
    return times[(int) order[rank]];
  }

  Object payloadAt(int rank) {
    return payloads[(int) order[rank]];
  }
}
