package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import io.nolambda.io.importers.Importers;
import io.nolambda.io.importers.ParsedRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** A real data set as events; rejected rows are listed on stderr and counted, never dropped silently. */
final class DataSetInput {
  @Option(names = "--dataset", description = "transit, parking, incidents or clickstream")
  String dataset;

  @Option(names = "--file", description = "the data set's file (default: its file under ../shared/data)")
  Path file;

  final AtomicLong rejected = new AtomicLong();

  boolean given() {
    return dataset != null;
  }

  /** The events in file order; close the stream to close the file. */
  Stream<CityEvent> events() throws IOException {
    Path input = file != null ? file : Importers.defaultFile(dataset, Importers.dataDir()
        .orElseThrow(() -> new IllegalArgumentException("no data directory: give --file or set NOLAMBDA_DATA")));
    Stream<ParsedRow<CityEvent>> rows = Importers.cityEventRows(dataset, input);
    return rows.flatMap(row -> {
      if (row.isRejected()) {
        rejected.incrementAndGet();
        System.err.println("rejected " + row.rejected());
        return Stream.empty();
      }
      return row.events().stream();
    });
  }
}
