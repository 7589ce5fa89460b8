package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import io.nolambda.io.archive.ArchiveQuery;
import io.nolambda.io.archive.ArchiveReader;
import io.nolambda.io.archive.EventArchive;
import io.nolambda.io.archive.Filter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.beam.sdk.values.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nolambda archive load|query}: the columnar event archive in Cassandra. */
@Command(name = "archive", mixinStandardHelpOptions = true,
    description = "Load events into the columnar archive, or query it (columns, time range, filters).",
    subcommands = {ArchiveCommand.Load.class, ArchiveCommand.Query.class})
final class ArchiveCommand {

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "Write the simulated city (default) or a real data set (--dataset) to the archive.")
  static final class Load implements Callable<Integer> {
    @Mixin CassandraCliOptions cassandra = new CassandraCliOptions();
    @Mixin DataSetInput input = new DataSetInput();
    @Mixin SimulatorOptions city = new SimulatorOptions();

    @Option(names = "--replication-factor", defaultValue = "1", description = "for a new keyspace; default ${DEFAULT-VALUE}")
    int replicationFactor;

    @Override
    public Integer call() throws IOException {
      long begin = System.nanoTime();
      Map<String, Long> written;
      if (input.given()) {
        try (Stream<CityEvent> events = input.events()) {
          written = EventArchive.load(cassandra.connection(), cassandra.keyspace, replicationFactor, events::iterator);
        }
      } else {
        written = EventArchive.load(cassandra.connection(), cassandra.keyspace, replicationFactor, city.simulator());
      }
      System.out.printf("archived %s in %.1f s%n", written, (System.nanoTime() - begin) / 1e9);
      return input.rejected.get() == 0 ? 0 : 1;
    }
  }

  @Command(name = "query", mixinStandardHelpOptions = true, description = "Print archived events as a table.")
  static final class Query implements Callable<Integer> {
    @Mixin CassandraCliOptions cassandra = new CassandraCliOptions();

    @Option(names = "--dataset", required = true, description = "e.g. bus_position, parking_event, city_incident, asset_event")
    String dataset;

    @Option(names = "--columns", split = ",", description = "columns to read (default: all)")
    List<String> columns;

    @Option(names = "--from", description = "inclusive start, ISO-8601 UTC, e.g. 2026-02-16T16:00:00Z")
    Instant from;

    @Option(names = "--to", description = "exclusive end, ISO-8601 UTC")
    Instant to;

    @Option(names = "--where", description = "a filter such as speed_mps>=5.5 or status=STOPPED_AT (repeatable, all must hold)")
    List<String> where = List.of();

    @Option(names = "--limit", defaultValue = "50", description = "rows to print; default ${DEFAULT-VALUE}")
    int limit;

    @Override
    public Integer call() throws IOException {
      try (ArchiveReader reader = ArchiveReader.connect(cassandra.connection(), cassandra.keyspace)) {
        var spec = reader.dataset(dataset);
        ArchiveQuery query = ArchiveQuery.all(dataset)
            .withTimeRange(from == null ? Long.MIN_VALUE : from.toEpochMilli(), to == null ? Long.MAX_VALUE : to.toEpochMilli())
            .withFilters(where.stream().map(w -> Filter.parse(w, spec.schema())).toList());
        if (columns != null) {
          query = query.withColumns(columns);
        }
        List<Row> rows = reader.query(query);
        List<String> names = rows.isEmpty() ? List.of() : rows.get(0).getSchema().getFieldNames();
        TextTable table = new TextTable(names.toArray(String[]::new));
        rows.stream().limit(limit).forEach(r -> table.add(r.getValues().toArray()));
        System.out.print(table);
        System.out.printf("%,d rows (%s)%n", rows.size(), reader.stats());
        return 0;
      }
    }
  }
}
