package io.nolambda.io.importers;

/**
 * An importer of one real-data source, found by dataset name in {@link Importers}. Either an
 * {@link EventImporter} (rows become events) or the {@link GtfsImporter} (a timetable becomes
 * reference data).
 */
public sealed interface Importer permits EventImporter, GtfsImporter {

  /** The dataset name used by the registry and the CLI, e.g. {@code "transit"}. */
  String dataset();

  /** The real file of this dataset, relative to the data directory (shared/data). */
  String defaultFile();
}
