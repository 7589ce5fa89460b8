package io.nolambda.transforms.trends;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SetCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Counts an asset's distinct event ids in each segment its events belong to, from (event id, its
 * segments) pairs, so that a redelivered event (Kafka is at-least-once) counts once and a replay
 * gives the same numbers. One combine per asset rather than per (segment, asset) sorts and
 * shuffles each event once instead of once per segment.
 */
final class CountPerSegment
    extends Combine.CombineFn<KV<String, List<String>>, Map<String, Set<String>>, Map<String, Long>> {
  @Override
  public Map<String, Set<String>> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Set<String>> addInput(Map<String, Set<String>> ids, KV<String, List<String>> event) {
    for (String segment : event.getValue()) {
      ids.computeIfAbsent(segment, s -> new HashSet<>()).add(event.getKey());
    }
    return ids;
  }

  @Override
  public Map<String, Set<String>> mergeAccumulators(Iterable<Map<String, Set<String>>> accumulators) {
    Map<String, Set<String>> merged = createAccumulator();
    accumulators.forEach(acc -> acc.forEach((segment, ids) ->
        merged.computeIfAbsent(segment, s -> new HashSet<>()).addAll(ids)));
    return merged;
  }

  @Override
  public Map<String, Long> extractOutput(Map<String, Set<String>> ids) {
    Map<String, Long> counts = new HashMap<>();
    ids.forEach((segment, set) -> counts.put(segment, (long) set.size()));
    return counts;
  }

  @Override
  public Coder<Map<String, Set<String>>> getAccumulatorCoder(CoderRegistry registry,
      Coder<KV<String, List<String>>> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), SetCoder.of(StringUtf8Coder.of()));
  }

  @Override
  public Coder<Map<String, Long>> getDefaultOutputCoder(CoderRegistry registry,
      Coder<KV<String, List<String>>> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }
}
