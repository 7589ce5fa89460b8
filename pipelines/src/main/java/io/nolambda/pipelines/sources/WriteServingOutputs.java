package io.nolambda.pipelines.sources;

import io.nolambda.io.cassandra.CassandraOptions;
import io.nolambda.io.cassandra.ServingTable;
import io.nolambda.io.cassandra.WriteRowsToServingTable;
import io.nolambda.io.files.WriteRowsAsJsonLines;
import io.nolambda.transforms.InvalidEvent;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The tail every pipeline shares: a metric transform's rows upserted into their serving table (or
 * written as JSON lines), its refused events sent to the dead letters. With {@code --from/--to}
 * only rows whose {@code window_start} lies in the range are written: windows before it were
 * computed from the look-back alone and are not this run's to overwrite.
 */
public final class WriteServingOutputs {
  private static final String JSONL_PREFIX = "jsonl:";
  private static final String WINDOW_START = "window_start";

  private WriteServingOutputs() {}

  /** Options a pipeline with serving tables has. */
  public interface Options extends SourceOptions, CassandraOptions {
    @Description("Where serving rows go: 'cassandra' (upserts into --cassandraKeyspace) or 'jsonl:DIR'"
        + " (DIR/<table>/part files, one JSON row a line)")
    @Default.String("cassandra")
    String getSink();

    void setSink(String value);
  }

  public static <T> void write(PCollectionTuple outputs, TupleTag<T> rows, TupleTag<InvalidEvent> invalid,
      ServingTable table, String step, Options options) {
    writeRows(outputs.get(rows), table, options);
    outputs.get(invalid)
        .apply("Refused by " + step, InvalidEventsToDeadLetters.from(step))
        .apply("Dead letters of " + step, WriteDeadLetters.of(options, step));
  }

  /** Only the rows, for a transform with several serving tables and one set of refused events. */
  public static <T> void writeRows(PCollection<T> rows, ServingTable table, Options options) {
    PCollection<Row> served = inRange(rows.apply("Rows of " + table.name(), Convert.toRows()), table,
        TimeRange.of(options));
    String sink = options.getSink();
    if (sink.equals("cassandra")) {
      served.apply("Write " + table.name(), WriteRowsToServingTable.of(table, options));
    } else if (sink.startsWith(JSONL_PREFIX)) {
      served.apply("Write " + table.name(), WriteRowsAsJsonLines.to(sink.substring(JSONL_PREFIX.length()), table.name()));
    } else {
      throw new IllegalArgumentException("--sink=" + sink + " is not a sink: use 'cassandra' or 'jsonl:DIR'");
    }
  }

  private static PCollection<Row> inRange(PCollection<Row> rows, ServingTable table, TimeRange range) {
    if (range.isAll() || !table.schema().hasField(WINDOW_START)) {
      return rows;
    }
    Counter outside = Metrics.counter(WriteServingOutputs.class, "rowsBeforeRange");
    return rows.apply("Windows in " + range, Filter.by(row -> {
      boolean in = range.contains(row.getInt64(WINDOW_START));
      if (!in) {
        outside.inc(); // a look-back window: computed from part of its events, not written
      }
      return in;
    }));
  }

  /** The Beam schema of a row class (the serving table's columns). */
  public static Schema schemaOf(Class<?> rowClass) {
    try {
      return SchemaRegistry.createDefault().getSchema(rowClass);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(rowClass + " carries no Beam schema", e);
    }
  }
}
