package io.nolambda.pipelines.sources;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.archive.ArchiveIO;
import io.nolambda.io.archive.ArchiveQuery;
import io.nolambda.io.archive.ArchiveReader;
import io.nolambda.io.archive.AvroRows;
import io.nolambda.io.archive.EventArchive;
import io.nolambda.io.cassandra.CassandraConnection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of the given kinds in a time range of the columnar archive, as {@link CityEvent}s
 * timestamped in event time: one archive read (split by partition) per kind. A kind never
 * archived contributes no events (logged); if none of the kinds was archived the run fails.
 */
final class ReadArchivedEvents extends PTransform<PBegin, PCollection<CityEvent>> {
  private static final Logger LOG = LoggerFactory.getLogger(ReadArchivedEvents.class);

  private final SourceOptions options;
  private final List<String> kinds;
  private final TimeRange range;

  ReadArchivedEvents(SourceOptions options, List<String> kinds, TimeRange range) {
    this.options = options;
    this.kinds = List.copyOf(kinds);
    this.range = range;
  }

  @Override
  public PCollection<CityEvent> expand(PBegin begin) {
    CassandraConnection connection = CassandraConnection.fromOptions(options);
    String keyspace = options.getArchiveKeyspace();
    PCollectionList<CityEvent> perKind = PCollectionList.empty(begin.getPipeline());
    try (ArchiveReader reader = ArchiveReader.connect(connection, keyspace)) {
      for (String kind : kinds) {
        String dataset = EventArchive.dataset(kind);
        if (reader.findDataset(dataset).isEmpty()) {
          LOG.warn("No {} events were ever archived in keyspace {}: the run reads none", kind, keyspace);
          continue;
        }
        ArchiveQuery query = ArchiveQuery.all(dataset).withTimeRange(range.fromMillis(), range.toMillis());
        perKind = perKind.and(begin
            .apply("Read archived " + dataset, ArchiveIO.read().withConnection(connection).withKeyspace(keyspace)
                .withQuery(query))
            .apply("As " + kind + " events", ParDo.of(new ToCityEventFn(CityEvents.payloadSchema(kind).toString())))
            .setCoder(AvroCoder.of(CityEvent.class)));
      }
    }
    if (perKind.size() == 0) {
      throw new IllegalArgumentException("the archive in keyspace " + keyspace + " holds no events of " + kinds
          + ": archive them first (a streaming run, or bin/nolambda archive load)");
    }
    return perKind.apply("All archived kinds", Flatten.pCollections());
  }

  /** An archived row back as the event it was: the payload record in the envelope. */
  private static final class ToCityEventFn extends DoFn<Row, CityEvent> {
    private final Counter read = Metrics.counter(ReadEvents.FROM_ARCHIVE.getNamespace(), ReadEvents.FROM_ARCHIVE.getName());
    private final String payloadSchemaJson;
    private transient Schema payloadSchema;

    ToCityEventFn(String payloadSchemaJson) {
      this.payloadSchemaJson = payloadSchemaJson;
    }

    @Setup
    public void setup() {
      payloadSchema = new Schema.Parser().parse(payloadSchemaJson);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<CityEvent> out) {
      read.inc();
      out.output(CityEvents.of((SpecificRecord) AvroRows.toRecord(row, payloadSchema)));
    }
  }
}
