package io.nolambda.io.archive;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.io.cassandra.CassandraConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * City events in the archive: one dataset per event kind ({@code BusPosition} ->
 * {@code bus_position}), columns from the kind's Avro schema, written without Beam in batches.
 */
public final class EventArchive {
  private static final int BATCH_ROWS = 50_000;
  private static final int SHARDS = 4;
  private static final long BUCKET_MILLIS = 3_600_000L;

  private EventArchive() {}

  /** The dataset of an event kind: its name in snake case. */
  public static String dataset(String kind) {
    return kind.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
  }

  /** Writes the events, registering each kind's dataset first; returns events written per dataset. */
  public static Map<String, Long> load(
      CassandraConnection connection, String keyspace, int replicationFactor, Iterable<CityEvent> events) {
    Map<String, Batch> batches = new TreeMap<>();
    try (Sessions.Lease lease = Sessions.acquire(connection)) {
      for (CityEvent event : events) {
        SpecificRecord payload = (SpecificRecord) event.getPayload();
        Batch batch = batches.computeIfAbsent(dataset(CityEvents.kind(event)), name -> {
          ArchiveSchema schema = AvroRows.schema(payload.getSchema());
          DatasetSpec spec = ArchiveTables.register(lease.session(), keyspace, replicationFactor, name, schema,
              "event_time", "event_id", SHARDS, BUCKET_MILLIS);
          return new Batch(new ArchiveWriter(lease.session(), keyspace, spec), schema.toBeam());
        });
        batch.add(AvroRows.toRow(payload, batch.beamSchema));
      }
      batches.values().forEach(Batch::flush);
    }
    Map<String, Long> written = new TreeMap<>();
    batches.forEach((name, batch) -> written.put(name, batch.written));
    return written;
  }

  /** Rows of one dataset waiting to be written. */
  private static final class Batch {
    final ArchiveWriter writer;
    final Schema beamSchema;
    final List<Row> rows = new ArrayList<>();
    long written;

    Batch(ArchiveWriter writer, Schema beamSchema) {
      this.writer = writer;
      this.beamSchema = beamSchema;
    }

    void add(Row row) {
      rows.add(row);
      if (rows.size() >= BATCH_ROWS) {
        flush();
      }
    }

    void flush() {
      writer.write(rows);
      written += rows.size();
      rows.clear();
    }
  }
}
