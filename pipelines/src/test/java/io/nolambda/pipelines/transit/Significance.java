package io.nolambda.pipelines.transit;

/**
 * The two-sided p-value of a Pearson r over n pairs under no correlation: t = r sqrt((n - 2) / (1 -
 * r^2)) has Student's t distribution with n - 2 degrees of freedom, whose two-sided tail is the
 * regularized incomplete beta I_{df / (df + t^2)}(df / 2, 1 / 2) (Numerical Recipes 6.4).
 */
final class Significance {
  private Significance() {}

  static double twoSidedP(double r, long n) {
    double df = n - 2;
    double t2 = r * r * df / (1 - r * r);
    return incompleteBeta(df / (df + t2), df / 2, 0.5);
  }

  private static double incompleteBeta(double x, double a, double b) {
    if (x <= 0 || x >= 1) {
      return x <= 0 ? 0 : 1;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log(1 - x)
        - (logGamma(a) + logGamma(b) - logGamma(a + b)));
    return x < (a + 1) / (a + b + 2)
        ? front * continuedFraction(x, a, b) / a
        : 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  /** Lentz's evaluation of the continued fraction of the incomplete beta. */
  private static double continuedFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      double[] coefficients = {
          m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))};
      for (double coefficient : coefficients) {
        d = 1 + coefficient * d;
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        c = 1 + coefficient / c;
        c = Math.abs(c) < tiny ? tiny : c;
        h *= d * c;
      }
      if (Math.abs(d * c - 1) < 1e-15) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta did not converge");
  }

  /** Lanczos (g = 7, 9 terms): about 15 digits for positive arguments. */
  private static double logGamma(double z) {
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    z -= 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) {
      sum += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
