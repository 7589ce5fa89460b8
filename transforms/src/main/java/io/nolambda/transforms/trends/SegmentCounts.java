package io.nolambda.transforms.trends;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Gathers a segment's (asset, count) pairs of one window into one map, so that the history is
 * carried once per segment and window, not once per asset (DESIGN.md 5): 61 copies of a map are
 * cheap, 61 copies of every asset's count were the pipeline's main cost. Merging keeps the larger
 * count per asset: a late pane only ever grows a count, so the larger one is the newer, whatever
 * the arrival order.
 */
final class SegmentCounts extends Combine.CombineFn<KV<String, Long>, Map<String, Long>, Map<String, Long>> {
  private static final Coder<Map<String, Long>> CODER = MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  @Override
  public Map<String, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Long> addInput(Map<String, Long> acc, KV<String, Long> assetCount) {
    acc.merge(assetCount.getKey(), assetCount.getValue(), Math::max);
    return acc;
  }

  @Override
  public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
    Map<String, Long> merged = createAccumulator();
    accumulators.forEach(acc -> acc.forEach((asset, count) -> merged.merge(asset, count, Math::max)));
    return merged;
  }

  @Override
  public Map<String, Long> extractOutput(Map<String, Long> acc) {
    return acc;
  }

  @Override
  public Coder<Map<String, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, Long>> inputCoder) {
    return CODER;
  }

  @Override
  public Coder<Map<String, Long>> getDefaultOutputCoder(CoderRegistry registry, Coder<KV<String, Long>> inputCoder) {
    return CODER;
  }
}
