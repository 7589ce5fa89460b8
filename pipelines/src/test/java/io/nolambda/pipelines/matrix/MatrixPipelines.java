package io.nolambda.pipelines.matrix;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;

/** What the matrix contracts share: a test pipeline from a runner's options and the two inputs. */
final class MatrixPipelines {
  private MatrixPipelines() {}

  static TestPipeline pipeline(List<String> args) {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create();
    return TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
  }

  /** An event stamped with its event time. */
  static TimestampedValue<CityEvent> at(CityEvent e) {
    return TimestampedValue.of(e, new Instant(CityEvents.eventTime(e)));
  }

  /** The events as a bounded input. */
  static Create.TimestampedValues<CityEvent> batch(List<TimestampedValue<CityEvent>> events) {
    return Create.timestamped(events).withCoder(AvroCoder.of(CityEvent.class));
  }

  /**
   * The events in two batches around a watermark advance to {@code split}, then the watermark to
   * infinity: watermark advances only, no processing-time advances, nothing late.
   */
  @SuppressWarnings("unchecked")
  static TestStream<CityEvent> stream(List<TimestampedValue<CityEvent>> events, long split) {
    List<TimestampedValue<CityEvent>> before = events.stream()
        .filter(e -> e.getTimestamp().getMillis() < split).toList();
    List<TimestampedValue<CityEvent>> after = events.stream()
        .filter(e -> e.getTimestamp().getMillis() >= split).toList();
    return TestStream.create(AvroCoder.of(CityEvent.class))
        .addElements(before.get(0), before.subList(1, before.size()).toArray(new TimestampedValue[0]))
        .advanceWatermarkTo(new Instant(split))
        .addElements(after.get(0), after.subList(1, after.size()).toArray(new TimestampedValue[0]))
        .advanceWatermarkToInfinity();
  }
}
