package io.nolambda.pipelines.eventcounts;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Drops a pane's row when it equals the row last written for the same kind and window: with
 * accumulating panes a late duplicate re-fires the same count, and rewriting it is wasted work.
 * A timer-free stateful step (the Spark runner refuses timers); the state lives per key and
 * window and is dropped by the runner when the window expires.
 */
final class SkipUnchangedRows extends PTransform<PCollection<EventCount>, PCollection<EventCount>> {
  @Override
  public PCollection<EventCount> expand(PCollection<EventCount> rows) {
    return rows
        .apply("Key by kind", WithKeys.of(EventCount::getKind).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rows.getCoder()))
        .apply("Skip unchanged", ParDo.of(new SkipFn()))
        .setCoder(rows.getCoder());
  }

  private static final class SkipFn extends DoFn<KV<String, EventCount>, EventCount> {
    private final Counter skipped = Metrics.counter(SkipUnchangedRows.class, "unchanged_rows_skipped");

    @StateId("written")
    private final StateSpec<ValueState<Long>> writtenSpec = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(
        @Element KV<String, EventCount> row, @StateId("written") ValueState<Long> written,
        OutputReceiver<EventCount> out) {
      long events = row.getValue().getEvents();
      Long last = written.read();
      if (last != null && last == events) {
        skipped.inc();
        return;
      }
      written.write(events);
      out.output(row.getValue());
    }
  }
}
