package io.nolambda.transforms.trends;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * An asset's counts in a window (offset 0) and in each of the N windows before it (offsets 1..N),
 * missing windows 0. Merging keeps the larger count per offset: accumulating panes only ever grow a
 * window's count, so the larger one is the newer, and a pane delivered twice changes nothing. That
 * makes the result independent of arrival order and of how panes are bundled.
 */
final class CountHistory {
  private final long[] counts;

  CountHistory(int history) {
    counts = new long[history + 1];
  }

  private CountHistory(long[] counts) {
    this.counts = counts;
  }

  void add(int offset, long count) {
    counts[offset] = Math.max(counts[offset], count);
  }

  void merge(CountHistory other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.max(counts[i], other.counts[i]);
    }
  }

  long current() {
    return counts[0];
  }

  int history() {
    return counts.length - 1;
  }

  long historySum() {
    long sum = 0;
    for (int i = 1; i < counts.length; i++) {
      sum += counts[i];
    }
    return sum;
  }

  long historySumOfSquares() {
    long sum = 0;
    for (int i = 1; i < counts.length; i++) {
      sum += counts[i] * counts[i];
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountHistory h && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  /** Length-prefixed counts. */
  static final class Coder extends CustomCoder<CountHistory> {
    @Override
    public void encode(CountHistory value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value.counts.length, out);
      for (long c : value.counts) {
        VarLongCoder.of().encode(c, out);
      }
    }

    @Override
    public CountHistory decode(InputStream in) throws IOException {
      long[] counts = new long[VarIntCoder.of().decode(in)];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = VarLongCoder.of().decode(in);
      }
      return new CountHistory(counts);
    }
  }
}
