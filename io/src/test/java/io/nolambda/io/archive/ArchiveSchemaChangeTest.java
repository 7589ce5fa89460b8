package io.nolambda.io.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.driver.core.Session;
import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** A dataset gains a column: chunks written before read it as null. */
@WithLocalServices
class ArchiveSchemaChangeTest {
  private static final String KEYSPACE = "archive_schema";
  private static final long T0 = 1_772_431_200_000L; // 2026-03-02T06:00Z
  private static final Schema V1 = Schema.builder().addStringField("event_id").addInt64Field("event_time")
      .addStringField("kind").build();
  private static final Schema V2 = Schema.builder().addStringField("event_id").addInt64Field("event_time")
      .addStringField("kind").addNullableField("weight", Schema.FieldType.DOUBLE).build();

  private static List<Row> rows(Schema schema, int from, int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Row.Builder row = Row.withSchema(schema).addValues("e-" + i, T0 + i * 1000L, i % 2 == 0 ? "even" : "odd");
      if (schema.hasField("weight")) {
        row.addValue(i * 0.5);
      }
      rows.add(row.build());
    }
    return rows;
  }

  private static void write(CassandraConnection connection, Schema schema, List<Row> rows) {
    Pipeline pipeline = ArchiveTestSupport.pipeline();
    pipeline.apply(Create.of(rows).withRowSchema(schema)).apply(ArchiveIO.write().withConnection(connection)
        .withKeyspace(KEYSPACE).withDataset("evolving").withShards(2).withChunkRows(50));
    ArchiveTestSupport.run(pipeline);
  }

  @Test
  void oldChunksReadTheAddedColumnAsNull(ServiceEndpoints endpoints) {
    CassandraConnection connection = ArchiveTestSupport.connection(endpoints);
    write(connection, V1, rows(V1, 0, 300));
    write(connection, V2, rows(V2, 300, 300));
    try (ArchiveReader reader = ArchiveReader.connect(connection, KEYSPACE)) {
      assertThat(reader.dataset("evolving").version()).isEqualTo(2);
      List<Row> all = reader.query(ArchiveQuery.all("evolving"));
      assertThat(all).hasSize(600);
      assertThat(all.get(0).getSchema()).isEqualTo(V2);
      for (Row row : all) {
        int i = Integer.parseInt(row.getString("event_id").substring(2));
        assertThat(row.getDouble("weight")).as(row.toString()).isEqualTo(i < 300 ? null : i * 0.5);
        assertThat(row.getString("kind")).isEqualTo(i % 2 == 0 ? "even" : "odd");
      }
      assertThat(reader.query(ArchiveQuery.all("evolving").withFilters(Filter.isNull("weight")))).hasSize(300);
      ArchiveReader.ReadStats before = copy(reader.stats());
      List<Row> heavy = reader.query(ArchiveQuery.all("evolving").withColumns("event_id", "weight")
          .withFilters(Filter.gt("weight", 250.0)));
      assertThat(heavy).hasSize(99); // i = 501..599
      // Old chunks (no weight column) and light new ones are skipped from the chunk index.
      assertThat(reader.stats().chunksSkipped - before.chunksSkipped).isGreaterThan(0);
    }
  }

  private static ArchiveReader.ReadStats copy(ArchiveReader.ReadStats stats) {
    ArchiveReader.ReadStats copy = new ArchiveReader.ReadStats();
    copy.chunksSkipped = stats.chunksSkipped;
    return copy;
  }

  @Test
  void incompatibleChangesAreRefused(ServiceEndpoints endpoints) {
    CassandraConnection connection = ArchiveTestSupport.connection(endpoints);
    try (Sessions.Lease lease = Sessions.acquire(connection)) {
      Session session = lease.session();
      ArchiveSchema v1 = ArchiveSchema.fromBeam(V1);
      ArchiveTables.register(session, KEYSPACE, 1, "strict", v1, "event_time", "event_id", 2, 3_600_000L);
      ArchiveSchema retyped = ArchiveSchema.fromBeam(Schema.builder().addStringField("event_id")
          .addInt64Field("event_time").addInt32Field("kind").build());
      assertThatThrownBy(() -> ArchiveTables.register(session, KEYSPACE, 1, "strict", retyped, "event_time",
          "event_id", 2, 3_600_000L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
      ArchiveSchema required = ArchiveSchema.fromBeam(Schema.builder().addStringField("event_id")
          .addInt64Field("event_time").addStringField("kind").addInt32Field("size").build());
      assertThatThrownBy(() -> ArchiveTables.register(session, KEYSPACE, 1, "strict", required, "event_time",
          "event_id", 2, 3_600_000L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nullable");
      assertThatThrownBy(() -> ArchiveTables.register(session, KEYSPACE, 1, "bad-name", v1, "event_time",
          "event_id", 2, 3_600_000L)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
