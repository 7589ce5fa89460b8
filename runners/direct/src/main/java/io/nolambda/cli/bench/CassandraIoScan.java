package io.nolambda.cli.bench;

import io.nolambda.io.cassandra.CassandraConnection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;

/**
 * Scans the row table with Beam's CassandraIO on the DirectRunner: one pipeline per scan, whose
 * mapper touches every selected column and emits a count per result page, summed globally.
 *
 * <p>CassandraIO appends its token-range restriction to the query, so a clustering-key range
 * (which would then need ALLOW FILTERING) cannot be pushed down: the mapper drops rows outside it.
 */
final class CassandraIoScan implements Layout.Scan {
  /** Where the pipeline's total lands: same JVM (DirectRunner), one key per run. */
  private static final Map<String, AtomicLong> TOTALS = new ConcurrentHashMap<>();

  private final CassandraConnection connection;
  private final String keyspace;
  private final String table;

  CassandraIoScan(CassandraConnection connection, String keyspace, String table) {
    this.connection = connection;
    this.keyspace = keyspace;
    this.table = table;
  }

  @Override
  public long count(List<String> columns, TimeFilter filter) {
    List<String> read = filter.columnsToRead(columns);
    String key = UUID.randomUUID().toString();
    TOTALS.put(key, new AtomicLong());
    try {
      DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
      options.setRunner(DirectRunner.class);
      // the runner's own checks re-encode every element: test-time overhead that is no part of reading
      options.setEnforceImmutability(false);
      options.setEnforceEncodability(false);
      Pipeline pipeline = Pipeline.create(options);
      CassandraConnection c = connection;
      pipeline
          .apply("ReadRows", CassandraIO.<Long>read()
              .withHosts(c.hosts()).withPort(c.port()).withLocalDc(c.localDc())
              .withUsername(c.username()).withPassword(c.password())
              .withKeyspace(keyspace).withTable(table)
              .withQuery("SELECT " + String.join(", ", read) + " FROM " + keyspace + "." + table)
              .withEntity(Long.class).withCoder(VarLongCoder.of())
              .withMapperFactoryFn(new CountingMapper.Factory(columns.size(), filter,
                  filter.filters() ? read.indexOf(BenchEvents.TIME_COLUMN) : -1)))
          .apply("Total", Sum.longsGlobally())
          .apply("Store", ParDo.of(new StoreTotal(key)));
      pipeline.run().waitUntilFinish();
      return TOTALS.get(key).get();
    } finally {
      TOTALS.remove(key);
    }
  }

  private static final class StoreTotal extends DoFn<Long, Void> {
    private final String key;

    StoreTotal(String key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element Long total) {
      TOTALS.get(key).addAndGet(total);
    }
  }
}
