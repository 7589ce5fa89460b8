package io.nolambda.io.files;

import io.nolambda.io.cassandra.ServingTables;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ToJson;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;

/**
 * Serving rows as JSON lines, one row a line with the schema's field names, in part files under
 * {@code <directory>/<table>/}: the serving tables for users without Cassandra, and for tests.
 * The lines are upserts in the order a table would receive them; in a live run each pane of a
 * window (on time, then late) is its own file, and a later line for the same key supersedes an
 * earlier one.
 */
public final class WriteRowsAsJsonLines extends PTransform<PCollection<Row>, PDone> {
  private final String directory;
  private final String table;

  private WriteRowsAsJsonLines(String directory, String table) {
    this.directory = directory;
    this.table = ServingTables.checkIdentifier(table);
  }

  public static WriteRowsAsJsonLines to(String directory, String table) {
    return new WriteRowsAsJsonLines(directory, table);
  }

  @Override
  public PDone expand(PCollection<Row> rows) {
    TextIO.Write write = TextIO.write().to(directory + "/" + table + "/part").withSuffix(".jsonl");
    if (rows.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      write = write.withWindowedWrites().withNumShards(1);
    }
    return rows.apply("To JSON", ToJson.of()).apply("Write " + table, write);
  }
}
