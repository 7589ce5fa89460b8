package io.nolambda.pipelines.transit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.transforms.transit.CorrelationRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;

/**
 * Correlation rows equal but for r's last bits: the co-moments are updated and merged in floating
 * point, not associatively, so r depends on the order in which a runner bundled and merged the pairs
 * (n is exact).
 */
final class SameCorrelations {
  private SameCorrelations() {}

  static void assertSame(Iterable<CorrelationRow> actual, List<CorrelationRow> expected) {
    Map<String, CorrelationRow> byPair = new HashMap<>();
    expected.forEach(r -> byPair.put(r.getDay() + "|" + r.getX() + "|" + r.getY(), r));
    int n = 0;
    for (CorrelationRow r : actual) {
      CorrelationRow e = byPair.get(r.getDay() + "|" + r.getX() + "|" + r.getY());
      assertThat(e).as("%s", r).isNotNull();
      assertThat(r.getN()).as("%s", r).isEqualTo(e.getN());
      assertThat(r.getR()).as("%s", r).isCloseTo(e.getR(), Offset.offset(1e-12));
      n++;
    }
    assertThat(n).isEqualTo(expected.size());
  }
}
