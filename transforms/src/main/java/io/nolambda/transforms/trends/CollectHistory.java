package io.nolambda.transforms.trends;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Gathers the carried (offset, counts) of one segment and window into each asset's history: every
 * asset with a count in the window or in one of the N before it.
 */
final class CollectHistory extends Combine.CombineFn<KV<Integer, Map<String, Long>>, Map<String, CountHistory>,
    Map<String, CountHistory>> {
  private static final Coder<Map<String, CountHistory>> CODER =
      MapCoder.of(StringUtf8Coder.of(), new CountHistory.Coder());

  private final int history;

  CollectHistory(int history) {
    this.history = history;
  }

  @Override
  public Map<String, CountHistory> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, CountHistory> addInput(Map<String, CountHistory> acc, KV<Integer, Map<String, Long>> carried) {
    int offset = carried.getKey();
    carried.getValue().forEach((asset, count) ->
        acc.computeIfAbsent(asset, a -> new CountHistory(history)).add(offset, count));
    return acc;
  }

  @Override
  public Map<String, CountHistory> mergeAccumulators(Iterable<Map<String, CountHistory>> accumulators) {
    Map<String, CountHistory> merged = createAccumulator();
    accumulators.forEach(acc -> acc.forEach((asset, h) ->
        merged.computeIfAbsent(asset, a -> new CountHistory(history)).merge(h)));
    return merged;
  }

  @Override
  public Map<String, CountHistory> extractOutput(Map<String, CountHistory> acc) {
    return acc;
  }

  @Override
  public Coder<Map<String, CountHistory>> getAccumulatorCoder(CoderRegistry registry,
      Coder<KV<Integer, Map<String, Long>>> inputCoder) {
    return CODER;
  }

  @Override
  public Coder<Map<String, CountHistory>> getDefaultOutputCoder(CoderRegistry registry,
      Coder<KV<Integer, Map<String, Long>>> inputCoder) {
    return CODER;
  }
}
