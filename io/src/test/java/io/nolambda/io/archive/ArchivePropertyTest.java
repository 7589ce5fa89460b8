package io.nolambda.io.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.io.cassandra.CassandraConnection;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * Random projections, time ranges and filters (seeded) give exactly what filtering the written
 * rows in memory gives: same rows, same multiplicity, every column.
 */
@WithLocalServices
class ArchivePropertyTest {
  private static final String KEYSPACE = "archive_property";
  private static final int QUERIES_PER_DATASET = 60;

  @Test
  void randomQueriesEqualInMemoryFiltering(ServiceEndpoints endpoints) {
    CassandraConnection connection = ArchiveTestSupport.connection(endpoints);
    Map<String, List<SpecificRecord>> events = ArchiveTestSupport.simulatedEvents();
    long skipped = 0;
    int nonEmpty = 0;
    try (Sessions.Lease lease = Sessions.acquire(connection);
        ArchiveReader reader = readerOnNewTables(lease)) {
      for (String kind : List.of("bus_position", "parking_event", "asset_event")) {
        ArchiveSchema schema = AvroRows.schema(ArchiveTestSupport.KINDS.get(kind));
        Schema beam = schema.toBeam();
        List<Row> rows = new ArrayList<>();
        events.get(kind).forEach(e -> rows.add(AvroRows.toRow(e, beam)));
        DatasetSpec spec = ArchiveTables.register(lease.session(), KEYSPACE, 1, kind, schema, "event_time",
            "event_id", 3, 15 * 60_000L);
        new ArchiveWriter(lease.session(), KEYSPACE, spec, 64).write(rows);
        long minTime = rows.stream().mapToLong(r -> r.getInt64("event_time")).min().orElseThrow();
        long maxTime = rows.stream().mapToLong(r -> r.getInt64("event_time")).max().orElseThrow();
        Random random = new Random(kind.hashCode());
        for (int q = 0; q < QUERIES_PER_DATASET; q++) {
          ArchiveQuery query = randomQuery(random, kind, schema, rows, minTime, maxTime);
          List<List<Object>> expected = new ArrayList<>();
          for (Row row : rows) {
            long t = row.getInt64("event_time");
            if (t >= query.fromMillis() && t < query.toMillis()
                && query.filters().stream().allMatch(f -> f.test(row.getValue(f.column())))) {
              List<Object> values = new ArrayList<>();
              ArchiveReader.outputSchema(spec, query).names().forEach(n -> values.add(row.getValue(n)));
              expected.add(values);
            }
          }
          long skippedBefore = reader.stats().chunksSkipped;
          List<List<Object>> actual = reader.query(query).stream().map(Row::getValues).toList();
          skipped += reader.stats().chunksSkipped - skippedBefore;
          assertThat(actual).as("%s", query).containsExactlyInAnyOrderElementsOf(expected);
          nonEmpty += expected.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(skipped).as("chunks skipped by statistics").isPositive();
    assertThat(nonEmpty).as("queries with results").isGreaterThan(QUERIES_PER_DATASET);
  }

  private static ArchiveReader readerOnNewTables(Sessions.Lease lease) {
    ArchiveTables.create(lease.session(), KEYSPACE, 1);
    return new ArchiveReader(lease.session(), KEYSPACE);
  }

  private static ArchiveQuery randomQuery(Random random, String kind, ArchiveSchema schema, List<Row> rows,
      long minTime, long maxTime) {
    ArchiveQuery query = ArchiveQuery.all(kind);
    List<String> names = new ArrayList<>(schema.names());
    if (random.nextBoolean()) {
      java.util.Collections.shuffle(names, random);
      query = query.withColumns(names.subList(0, 1 + random.nextInt(names.size())));
    }
    if (random.nextInt(3) > 0) {
      long span = maxTime - minTime + 1;
      long from = minTime - 1000 + (long) (random.nextDouble() * span);
      long to = from + 1 + (long) (random.nextDouble() * span / (1 + random.nextInt(4)));
      query = query.withTimeRange(from, to);
    }
    int filters = random.nextInt(4);
    for (int i = 0; i < filters; i++) {
      ArchiveSchema.Column column = schema.columns().get(random.nextInt(schema.columns().size()));
      Object sample = rows.get(random.nextInt(rows.size())).getValue(column.name());
      Filter.Op op = Filter.Op.values()[random.nextInt(Filter.Op.values().length)];
      if (sample == null || op == Filter.Op.IS_NULL || op == Filter.Op.NOT_NULL) {
        query = query.withFilters(random.nextBoolean() ? Filter.isNull(column.name()) : Filter.notNull(column.name()));
      } else {
        query = query.withFilters(new Filter(column.name(), op, sample));
      }
    }
    return query;
  }
}
