package io.nolambda.transforms.trends;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/** Gathers the carried (offset, count) pairs of one (segment, asset, window) into its history. */
final class CollectHistory extends Combine.CombineFn<KV<Integer, Long>, CountHistory, CountHistory> {
  private final int history;

  CollectHistory(int history) {
    this.history = history;
  }

  @Override
  public CountHistory createAccumulator() {
    return new CountHistory(history);
  }

  @Override
  public CountHistory addInput(CountHistory acc, KV<Integer, Long> carried) {
    acc.add(carried.getKey(), carried.getValue());
    return acc;
  }

  @Override
  public CountHistory mergeAccumulators(Iterable<CountHistory> accumulators) {
    CountHistory merged = createAccumulator();
    accumulators.forEach(merged::merge);
    return merged;
  }

  @Override
  public CountHistory extractOutput(CountHistory acc) {
    return acc;
  }

  @Override
  public Coder<CountHistory> getAccumulatorCoder(CoderRegistry registry,
      Coder<KV<Integer, Long>> inputCoder) {
    return new CountHistory.Coder();
  }

  @Override
  public Coder<CountHistory> getDefaultOutputCoder(CoderRegistry registry,
      Coder<KV<Integer, Long>> inputCoder) {
    return new CountHistory.Coder();
  }
}
