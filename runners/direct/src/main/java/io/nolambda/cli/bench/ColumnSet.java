package io.nolambda.cli.bench;

import java.util.List;

/** The projections every layout is scanned with. */
enum ColumnSet {
  ONE("1", List.of("speed_mps")),
  THREE("3", List.of("event_time", "vehicle_id", "speed_mps")),
  ALL("all", BenchEvents.SCHEMA.names());

  final String label;
  final List<String> names;

  ColumnSet(String label, List<String> names) {
    this.label = label;
    this.names = names;
  }
}
