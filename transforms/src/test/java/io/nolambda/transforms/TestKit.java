package io.nolambda.transforms;

import io.nolambda.events.CityEvent;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;

/** Small helpers the transform tests share. */
public final class TestKit {
  private TestKit() {}

  /** Adds a whole list of timestamped events to a TestStream in one step. */
  @SuppressWarnings("unchecked")
  public static TestStream.Builder<CityEvent> add(
      TestStream.Builder<CityEvent> builder, List<TimestampedValue<CityEvent>> events) {
    return builder.addElements(events.get(0), events.subList(1, events.size()).toArray(new TimestampedValue[0]));
  }

  /** The attempted value of a counter a transform declared in {@code namespace}, summed over steps. */
  public static long counter(PipelineResult result, Class<?> namespace, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
