package io.nolambda.pipelines.sources;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.SourceOutputs;
import io.nolambda.io.files.ReadEventFiles;
import io.nolambda.io.kafka.ReadCityEvents;
import io.nolambda.pipelines.sources.SourceOptions.Mode;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * Reads the events of the given kinds from the source and mode the options name, timestamped in
 * event time, and sends what does not decode to the dead letters of that source. The only place
 * where a pipeline's live and reprocessing runs differ:
 *
 * <ul>
 *   <li>{@code --mode=streaming}: Kafka, unbounded; the raw events are also archived
 *       ({@code --archiveEvents}).
 *   <li>{@code --mode=reprocess}: {@code --source=archive} (a time range of the columnar archive),
 *       {@code kafka} (what the topics hold when the run starts) or {@code file:PATTERN}.
 * </ul>
 *
 * <p>With {@code --from}/{@code --to}, events from {@code from} minus the pipeline's look-back up
 * to {@code to} are read (the archive prunes partitions; other sources are filtered), so windows
 * at the start of the range see the state before it.
 */
public final class ReadEvents extends PTransform<PBegin, PCollection<CityEvent>> {
  /** Counter of the events a run read from the archive. */
  public static final MetricName FROM_ARCHIVE = MetricName.named(ReadEvents.class, "eventsReadFromArchive");
  private static final String FILE_PREFIX = "file:";

  private final SourceOptions options;
  private final List<String> kinds;
  private final Duration lookBack;

  private ReadEvents(SourceOptions options, List<String> kinds, Duration lookBack) {
    this.options = options;
    this.kinds = List.copyOf(kinds);
    this.lookBack = lookBack;
  }

  public static ReadEvents of(SourceOptions options, List<String> kinds) {
    return new ReadEvents(options, kinds, Duration.ZERO);
  }

  /** Event time before {@code --from} the pipeline's first windows depend on. */
  public ReadEvents withLookBack(Duration value) {
    return new ReadEvents(options, kinds, value);
  }

  @Override
  public PCollection<CityEvent> expand(PBegin input) {
    String source = options.getSource();
    boolean streaming = options.getMode() == Mode.streaming;
    if (streaming && !source.equals("kafka")) {
      throw new IllegalArgumentException("--mode=streaming reads Kafka; --source=" + source + " needs --mode=reprocess");
    }
    if (streaming) {
      options.as(StreamingOptions.class).setStreaming(true);
    }
    RunnerLimits.checkSource(options, streaming);
    TimeRange range = TimeRange.of(options).withLookBack(lookBack);
    PCollection<CityEvent> events;
    if (source.equals("kafka")) {
      ReadCityEvents read = ReadCityEvents.of(options, kinds);
      events = withDeadLetters(input.apply("Read Kafka", streaming ? read : read.upToCurrentEnd()));
    } else if (source.equals("archive")) {
      events = input.apply("Read archive", new ReadArchivedEvents(options, kinds, range));
    } else if (source.startsWith(FILE_PREFIX)) {
      events = withDeadLetters(input.apply("Read files", ReadEventFiles.from(source.substring(FILE_PREFIX.length()))));
    } else {
      throw new IllegalArgumentException(
          "--source=" + source + " is not a source: use 'kafka', 'archive' or 'file:PATTERN'");
    }
    List<String> wanted = kinds; // locals, so the filters do not capture this transform
    PCollection<CityEvent> ofKinds = events
        .apply("Only " + String.join(",", kinds), Filter.by(e -> wanted.contains(CityEvents.kind(e))));
    if (streaming && options.getArchiveEvents()) {
      ofKinds.apply("Archive raw events", new ArchiveEvents(options, kinds));
    }
    if (range.isAll()) {
      return ofKinds;
    }
    Counter outside = Metrics.counter(ReadEvents.class, "eventsOutsideTimeRange");
    return ofKinds.apply("In " + range, Filter.by(e -> {
      boolean in = range.contains(CityEvents.eventTime(e));
      if (!in) {
        outside.inc(); // not lost: outside what this run was asked to compute
      }
      return in;
    }));
  }

  private PCollection<CityEvent> withDeadLetters(PCollectionTuple read) {
    read.get(SourceOutputs.DEAD_LETTERS).apply("Dead letters", WriteDeadLetters.of(options, "source"));
    return read.get(SourceOutputs.EVENTS);
  }
}
