package io.nolambda.transforms.correlation;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Pearson's r of (x, y) pairs as a mergeable combiner of co-moments ({@link CoMoments}): any split
 * of the pairs into bundles and any merge order give the same r up to rounding, and the centred
 * moments keep it accurate when x and y sit on a large offset. Use with {@code Combine.perKey},
 * e.g. keyed by day, or {@code Combine.globally}.
 */
public final class PearsonCorrelationFn extends Combine.CombineFn<KV<Double, Double>, CoMoments, Correlation> {
  @Override
  public CoMoments createAccumulator() {
    return new CoMoments();
  }

  @Override
  public CoMoments addInput(CoMoments acc, KV<Double, Double> pair) {
    acc.add(pair.getKey(), pair.getValue());
    return acc;
  }

  @Override
  public CoMoments mergeAccumulators(Iterable<CoMoments> accumulators) {
    CoMoments merged = new CoMoments();
    accumulators.forEach(merged::merge);
    return merged;
  }

  @Override
  public Correlation extractOutput(CoMoments acc) {
    return new Correlation(acc.n, acc.r());
  }

  @Override
  public Coder<CoMoments> getAccumulatorCoder(CoderRegistry registry, Coder<KV<Double, Double>> input) {
    return new CoMoments.Coder();
  }

  @Override
  public Coder<Correlation> getDefaultOutputCoder(CoderRegistry registry,
      Coder<KV<Double, Double>> input) {
    try {
      return SchemaRegistry.createDefault().getSchemaCoder(Correlation.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }
}
