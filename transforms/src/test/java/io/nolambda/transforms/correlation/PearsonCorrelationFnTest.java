package io.nolambda.transforms.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/** The co-moment combiner against a two-pass computation, with large offsets and any merge order. */
class PearsonCorrelationFnTest {
  private static final int N = 1_000_000;
  private static final double OFFSET = 1e9;

  private final PearsonCorrelationFn fn = new PearsonCorrelationFn();
  private final TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void matchesTwoPassOnAMillionValuesWithALargeOffsetWhateverTheMergeOrder() throws Exception {
    Random rng = new Random(17);
    double[] x = new double[N];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      double common = rng.nextGaussian();
      x[i] = OFFSET + common;
      y[i] = OFFSET + 0.5 * common + rng.nextGaussian();
    }
    double expected = twoPass(x, y);
    assertThat(expected).isBetween(0.3, 0.6); // 0.5 / sqrt(1.25) in theory

    CoMoments sequential = fn.createAccumulator();
    for (int i = 0; i < N; i++) {
      fn.addInput(sequential, KV.of(x[i], y[i]));
    }
    assertThat(fn.extractOutput(sequential).getN()).isEqualTo(N);
    assertThat(fn.extractOutput(sequential).getR()).isCloseTo(expected, within(1e-9));

    // Random-sized parts, each through the coder (as between workers), merged in shuffled order.
    List<CoMoments> parts = new ArrayList<>();
    for (int from = 0; from < N; ) {
      int to = Math.min(N, from + 1 + rng.nextInt(4000));
      CoMoments part = fn.createAccumulator();
      for (int i = from; i < to; i++) {
        fn.addInput(part, KV.of(x[i], y[i]));
      }
      parts.add(roundTrip(part));
      from = to;
    }
    parts.add(fn.createAccumulator()); // an empty bundle changes nothing
    Collections.shuffle(parts, rng);
    Correlation merged = fn.extractOutput(fn.mergeAccumulators(parts));
    assertThat(merged.getN()).isEqualTo(N);
    assertThat(merged.getR()).isCloseTo(expected, within(1e-9));

    // Why the co-moments: the textbook one-pass formula over raw sums is useless at this offset.
    double naive = naive(x, y);
    assertThat(Double.isNaN(naive) || Math.abs(naive - expected) > 0.01).isTrue();
  }

  @Test
  void undefinedForFewerThanTwoPairsOrAConstantMeasure() {
    assertThat(fn.apply(List.of())).isEqualTo(new Correlation(0, null));
    assertThat(fn.apply(List.of(KV.of(1.0, 2.0)))).isEqualTo(new Correlation(1, null));
    assertThat(fn.apply(List.of(KV.of(1.0, 2.0), KV.of(1.0, 5.0)))).isEqualTo(new Correlation(2, null));
    assertThat(fn.apply(List.of(KV.of(1.0, 2.0), KV.of(2.0, 4.0), KV.of(3.0, 6.0))).getR())
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void combinesPerKeyInAPipeline() {
    List<KV<String, KV<Double, Double>>> pairs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      pairs.add(KV.of("up", KV.of(OFFSET + i, OFFSET + 2.0 * i)));
      pairs.add(KV.of("down", KV.of((double) i, -3.0 * i)));
    }
    pairs.add(KV.of("flat", KV.of(1.0, 1.0)));
    PCollection<KV<String, Correlation>> r = pipeline.apply(Create.of(pairs))
        .apply(Combine.perKey(new PearsonCorrelationFn()));

    PAssert.that(r).satisfies(rows -> {
      for (KV<String, Correlation> row : rows) {
        switch (row.getKey()) {
          case "up" -> assertThat(row.getValue().getR()).isCloseTo(1.0, within(1e-9));
          case "down" -> assertThat(row.getValue().getR()).isCloseTo(-1.0, within(1e-9));
          default -> assertThat(row.getValue()).isEqualTo(new Correlation(1, null));
        }
      }
      assertThat(rows).hasSize(3);
      return null;
    });
    pipeline.run();
  }

  private static CoMoments roundTrip(CoMoments m) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CoMoments.Coder().encode(m, bytes);
    return new CoMoments.Coder().decode(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static double twoPass(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double naive(double[] x, double[] y) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    double n = x.length;
    return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  }
}
