package io.nolambda.transforms;

import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SetCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Counts distinct event ids, so a redelivered event (Kafka is at-least-once) counts once and a
 * replay gives the same number. Exact: the set is bounded by one key's events in one window.
 */
public final class CountDistinctIds extends Combine.CombineFn<String, Set<String>, Long> {
  @Override
  public Set<String> createAccumulator() {
    return new HashSet<>();
  }

  @Override
  public Set<String> addInput(Set<String> ids, String id) {
    ids.add(id);
    return ids;
  }

  @Override
  public Set<String> mergeAccumulators(Iterable<Set<String>> accumulators) {
    Set<String> merged = new HashSet<>();
    accumulators.forEach(merged::addAll);
    return merged;
  }

  @Override
  public Long extractOutput(Set<String> ids) {
    return (long) ids.size();
  }

  @Override
  public Coder<Set<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> inputCoder) {
    return SetCoder.of(StringUtf8Coder.of());
  }
}
