package io.nolambda.cli.bench;

import io.nolambda.events.BusPosition;
import java.util.List;

/** One way of storing the events, with the readers that scan it. */
interface Layout extends AutoCloseable {
  /** row_table, archive or parquet. */
  String name();

  void write(List<BusPosition> events) throws Exception;

  /** Bytes of the stored events on disk; -1 when they cannot be measured. */
  long bytesOnDisk() throws Exception;

  List<Reader> readers();

  @Override
  default void close() throws Exception {}

  /** Reads the given columns of the events in the filter's range; returns how many events it read. */
  @FunctionalInterface
  interface Scan {
    long count(List<String> columns, TimeFilter filter) throws Exception;
  }

  /** {@code warmUp}: one untimed pass first (false where a pass is too costly to repeat). */
  record Reader(String name, Scan scan, boolean warmUp) {}
}
