package io.nolambda.pipelines.sources;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.archive.ArchiveIO;
import io.nolambda.io.archive.EventArchive;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;

/**
 * The raw events of a live run written to the columnar archive, one dataset per kind, so that a
 * later reprocessing run ({@code --source=archive}) reads exactly what the stream saw.
 *
 * <p>Events are grouped per minute of event time and written when the watermark passes the
 * minute; a late event is written on its own as it arrives (a late pane) for up to
 * {@link #LATE_FOR} after its minute, so the archive drops nothing the source kept. Replays after
 * a restart may write an event twice: the archive's readers drop repeated event ids.
 */
final class ArchiveEvents extends PTransform<PCollection<CityEvent>, PDone> {
  static final Duration FLUSH_EVERY = Duration.standardMinutes(1);
  static final Duration LATE_FOR = Duration.standardDays(1);

  private final SourceOptions options;
  private final List<String> kinds;

  ArchiveEvents(SourceOptions options, List<String> kinds) {
    this.options = options;
    this.kinds = List.copyOf(kinds);
  }

  @Override
  public PDone expand(PCollection<CityEvent> events) {
    PCollection<CityEvent> panes = events.apply("Per minute", Window.<CityEvent>into(FixedWindows.of(FLUSH_EVERY))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(LATE_FOR)
        .discardingFiredPanes());
    for (String kind : kinds) {
      write(panes, kind);
    }
    return PDone.in(events.getPipeline());
  }

  @SuppressWarnings("unchecked")
  private void write(PCollection<CityEvent> events, String kind) {
    Schema schema = CityEvents.payloadSchema(kind);
    Class<SpecificRecord> type = (Class<SpecificRecord>) SpecificData.get().getClass(schema);
    String dataset = EventArchive.dataset(kind);
    events
        .apply("Only " + kind, Filter.by(e -> CityEvents.kind(e).equals(kind)))
        .apply("Payload of " + kind, MapElements.into(TypeDescriptor.of(type)).via(e -> (SpecificRecord) e.getPayload()))
        .setCoder(AvroCoder.of(type))
        .apply("Archive " + dataset, ArchiveIO.write().withOptions(options).withKeyspace(options.getArchiveKeyspace())
            .withDataset(dataset).ofAvro(schema));
  }
}
