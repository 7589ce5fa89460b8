package io.nolambda.pipelines.eventcounts;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.transforms.CountDistinctIds;
import io.nolambda.transforms.EventTimeWindows;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Counts distinct events (by event id) per kind per event-time window. One pane when the watermark
 * passes the window end, then one more per late event within the allowed lateness; panes
 * accumulate, so every pane carries the full count and the upserted row converges to the final
 * answer whatever the arrival order.
 */
public final class CountEventsByKind extends PTransform<PCollection<CityEvent>, PCollection<EventCount>> {
  private final Duration window;
  private final Duration allowedLateness;

  private CountEventsByKind(Duration window, Duration allowedLateness) {
    this.window = window;
    this.allowedLateness = allowedLateness;
  }

  /** One-minute windows, late events accepted for ten minutes. */
  public static CountEventsByKind create() {
    return new CountEventsByKind(Duration.standardMinutes(1), Duration.standardMinutes(10));
  }

  public CountEventsByKind withWindow(Duration size) {
    return new CountEventsByKind(size, allowedLateness);
  }

  public CountEventsByKind withAllowedLateness(Duration lateness) {
    return new CountEventsByKind(window, lateness);
  }

  @Override
  public PCollection<EventCount> expand(PCollection<CityEvent> events) {
    return events
        .apply("Window", EventTimeWindows.<CityEvent>fixed(window, allowedLateness))
        .apply("Id by kind",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(e -> KV.of(CityEvents.kind(e), CityEvents.eventId(e))))
        .apply("Count distinct", Combine.perKey(new CountDistinctIds()))
        .apply("To rows", ParDo.of(new ToRowFn()))
        .apply("Skip unchanged", new SkipUnchangedRows());
  }

  private static final class ToRowFn extends DoFn<KV<String, Long>, EventCount> {
    private final Counter rows = Metrics.counter(CountEventsByKind.class, "rows");

    @ProcessElement
    public void process(@Element KV<String, Long> count, IntervalWindow w, OutputReceiver<EventCount> out) {
      rows.inc();
      out.output(new EventCount(count.getKey(), w.start().getMillis(), w.end().getMillis(), count.getValue()));
    }
  }
}
