package io.nolambda.transforms.correlation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Count, means and centred second moments of (x, y) pairs: sum (x - mean x)^2, sum (y - mean y)^2
 * and sum (x - mean x)(y - mean y). Kept centred (Welford's update, and Chan, Golub and LeVeque's
 * pairwise merge) rather than as raw sums of squares and products, because those cancel
 * catastrophically when the values sit on a large offset. The means are kept relative to a shift
 * (the first pair seen), so that small updates to a mean near a large offset are not rounded
 * away. The accumulator of
 * {@link PearsonCorrelationFn}; only this package changes it.
 */
public final class CoMoments {
  long n;
  double shiftX;
  double shiftY;
  double meanX;
  double meanY;
  double m2x;
  double m2y;
  double cxy;

  void add(double x, double y) {
    if (n == 0) {
      shiftX = x;
      shiftY = y;
    }
    n++;
    double sx = x - shiftX;
    double sy = y - shiftY;
    double dx = sx - meanX;
    meanX += dx / n;
    double dy = sy - meanY;
    meanY += dy / n;
    m2x += dx * (sx - meanX);
    m2y += dy * (sy - meanY);
    cxy += dx * (sy - meanY);
  }

  void merge(CoMoments o) {
    if (o.n == 0) {
      return;
    }
    if (n == 0) {
      n = o.n;
      shiftX = o.shiftX;
      shiftY = o.shiftY;
      meanX = o.meanX;
      meanY = o.meanY;
      m2x = o.m2x;
      m2y = o.m2y;
      cxy = o.cxy;
      return;
    }
    long total = n + o.n;
    // difference of the two means, shifts first: they are close, so it subtracts exactly
    double dx = (o.shiftX - shiftX) + (o.meanX - meanX);
    double dy = (o.shiftY - shiftY) + (o.meanY - meanY);
    double weight = (double) n * o.n / total;
    meanX += dx * o.n / total;
    meanY += dy * o.n / total;
    m2x += o.m2x + dx * dx * weight;
    m2y += o.m2y + dy * dy * weight;
    cxy += o.cxy + dx * dy * weight;
    n = total;
  }

  /** Pearson's r, or null when it is undefined: fewer than two pairs or a constant measure. */
  Double r() {
    if (n < 2 || m2x <= 0 || m2y <= 0) {
      return null;
    }
    return Math.max(-1, Math.min(1, cxy / Math.sqrt(m2x * m2y)));
  }

  /** The fields in order. */
  static final class Coder extends CustomCoder<CoMoments> {
    @Override
    public void encode(CoMoments m, OutputStream out) throws IOException {
      VarLongCoder.of().encode(m.n, out);
      for (double d : new double[] {m.shiftX, m.shiftY, m.meanX, m.meanY, m.m2x, m.m2y, m.cxy}) {
        DoubleCoder.of().encode(d, out);
      }
    }

    @Override
    public CoMoments decode(InputStream in) throws IOException {
      CoMoments m = new CoMoments();
      m.n = VarLongCoder.of().decode(in);
      m.shiftX = DoubleCoder.of().decode(in);
      m.shiftY = DoubleCoder.of().decode(in);
      m.meanX = DoubleCoder.of().decode(in);
      m.meanY = DoubleCoder.of().decode(in);
      m.m2x = DoubleCoder.of().decode(in);
      m.m2y = DoubleCoder.of().decode(in);
      m.cxy = DoubleCoder.of().decode(in);
      return m;
    }
  }
}
